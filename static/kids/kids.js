// Kids zone enhancement (no framework, no network). Everything it remembers lives in ONE
// localStorage entry on this device, 'cop-kids': { band, country, at: {scenario: node}, done: [scenario], stickers: [id] }.
// It never sends anything anywhere: no fetch, no XHR, no beacons. The pages work without it.
(function () {
	'use strict';
	var KEY = 'cop-kids';
	var root = document.querySelector('[data-kids-root]');
	if (!root) return;

	function load() {
		try {
			var v = JSON.parse(window.localStorage.getItem(KEY) || '{}');
			return v && typeof v === 'object' ? v : {};
		} catch (e) {
			return {};
		}
	}
	function save(state) {
		try {
			window.localStorage.setItem(KEY, JSON.stringify(state));
		} catch (e) {
			/* storage off or full: the zone still works, it just forgets */
		}
	}
	function update(fn) {
		var s = load();
		fn(s);
		save(s);
		return s;
	}
	function all(sel, el) {
		return Array.prototype.slice.call((el || document).querySelectorAll(sel));
	}

	all('[data-js-only]').forEach(function (el) { el.hidden = false; });

	function applyCountry() {
		var country = load().country;
		all('a[data-kids-help]').forEach(function (a) {
			var url = new URL(a.getAttribute('href'), window.location.href);
			var params = new URLSearchParams();
			if (country) params.set('country', country);
			url.searchParams.forEach(function (value, key) {
				if (key !== 'country') params.append(key, value);
			});
			var query = params.toString();
			a.setAttribute('href', url.pathname + (query ? '?' + query : ''));
		});
	}
	applyCountry();

	function showHome() {
		var s = load();
		all('[data-band-card]').forEach(function (li) {
			var mine = li.getAttribute('data-band-card') === s.band;
			li.classList.toggle('chosen', mine);
			li.querySelector('.your-band').hidden = !mine;
		});
		var select = document.querySelector('[data-kids-country]');
		if (select) select.value = s.country || '';
		var stickers = s.stickers || [];
		all('[data-sticker-shelf]').forEach(function (li) {
			li.hidden = stickers.indexOf(li.getAttribute('data-sticker-shelf')) < 0;
		});
		var empty = document.querySelector('[data-stickers-empty]');
		if (empty) empty.hidden = stickers.length > 0;
		all('[data-done]').forEach(function (el) {
			el.hidden = (s.done || []).indexOf(el.getAttribute('data-done')) < 0;
		});
		// a course is passed when its sticker was earned (at a pass end of its quiz)
		all('[data-earned]').forEach(function (el) {
			el.hidden = stickers.indexOf(el.getAttribute('data-earned')) < 0;
		});
	}
	all('[data-band-choice]').forEach(function (a) {
		a.addEventListener('click', function () {
			var band = a.getAttribute('data-band-choice');
			update(function (s) { s.band = band; });
		});
	});
	var bandPage = document.querySelector('[data-band-page]');
	if (bandPage) update(function (s) { s.band = bandPage.getAttribute('data-band-page'); });
	var countrySelect = document.querySelector('[data-kids-country]');
	if (countrySelect) {
		countrySelect.addEventListener('change', function () {
			var c = countrySelect.value;
			update(function (s) {
				if (/^[A-Z]{2}$/.test(c)) s.country = c;
				else delete s.country;
			});
			applyCountry();
		});
	}
	showHome();

	var scenario = document.querySelector('[data-scenario]');
	var reader = null;
	if (scenario) {
		var id = scenario.getAttribute('data-scenario');
		var start = scenario.getAttribute('data-start');
		var current = function () {
			var h = decodeURIComponent(window.location.hash.slice(1));
			var el = h && document.getElementById(h);
			return el && el.hasAttribute('data-node') && scenario.contains(el) ? el : document.getElementById(start);
		};
		var record = function () {
			var node = current();
			var earn = node.querySelector('[data-earn]');
			update(function (s) {
				s.at = s.at || {};
				s.at[id] = node.id;
				if (node.classList.contains('end')) {
					s.done = s.done || [];
					if (s.done.indexOf(id) < 0) s.done.push(id);
					delete s.at[id];
				}
				if (earn) {
					s.stickers = s.stickers || [];
					if (s.stickers.indexOf(earn.getAttribute('data-earn')) < 0) s.stickers.push(earn.getAttribute('data-earn'));
				}
			});
		};
		var resume = scenario.querySelector('[data-resume]');
		var saved = (load().at || {})[id];
		if (resume && saved && saved !== start && !window.location.hash && document.getElementById(saved)) {
			resume.setAttribute('href', '#' + saved);
			resume.hidden = false;
		}
		window.addEventListener('hashchange', function () {
			if (reader) reader.stop();
			var node = current();
			if (node.id !== decodeURIComponent(window.location.hash.slice(1)) && window.location.hash) return;
			record();
			if (resume) resume.hidden = true;
			var heading = node.querySelector('h2');
			if (heading) heading.focus();
		});
		if (window.location.hash) record();
		reader = readAloud(current);
	}

	function readAloud(current) {
		var button = document.querySelector('[data-read-aloud]');
		var synth = window.speechSynthesis;
		if (!button) return null;
		if (!synth || typeof window.SpeechSynthesisUtterance !== 'function') {
			button.hidden = true;
			return null;
		}
		var label = button.textContent;
		var speaking = false;
		function stop() {
			synth.cancel();
			speaking = false;
			button.textContent = label;
		}
		function voiceFor(lang) {
			var voices = synth.getVoices().filter(function (v) { return v.localService; });
			var base = lang.split('-')[0].toLowerCase();
			return voices.filter(function (v) { return v.lang.toLowerCase().split(/[-_]/)[0] === base; })[0] || null;
		}
		button.addEventListener('click', function () {
			if (speaking) return stop();
			var parts = all('[data-read]', current()).map(function (el) {
				var copy = el.cloneNode(true);
				all('.untranslated, .visually-hidden', copy).forEach(function (x) { x.remove(); });
				var langEl = el.querySelector('[lang]:not(.untranslated)') || el.closest('[lang]');
				return { text: copy.textContent.trim(), lang: (langEl && langEl.getAttribute('lang')) || 'en' };
			}).filter(function (p) { return p.text; });
			if (!parts.length) return;
			var voice = voiceFor(parts[0].lang);
			if (!voice) {
				button.textContent = button.getAttribute('data-no-voice');
				setTimeout(function () { button.textContent = label; }, 4000);
				return;
			}
			speaking = true;
			button.textContent = button.getAttribute('data-stop-label');
			parts.forEach(function (p, i) {
				var u = new window.SpeechSynthesisUtterance(p.text);
				u.lang = p.lang;
				u.voice = voiceFor(p.lang) || voice;
				u.rate = 0.9;
				if (i === parts.length - 1) u.onend = function () { speaking = false; button.textContent = label; };
				synth.speak(u);
			});
		});
		return { stop: stop };
	}

	all('[data-forget]').forEach(function (button) {
		button.addEventListener('click', function () {
			try {
				window.localStorage.removeItem(KEY);
			} catch (e) {
				/* nothing stored */
			}
			// the offline copies of pages would show which stories were opened: drop them too (static files stay)
			if (window.caches) {
				window.caches.keys().then(function (names) {
					names.filter(function (n) { return n.indexOf('cop-kids-') === 0; }).forEach(function (n) {
						window.caches.open(n).then(function (cache) {
							cache.keys().then(function (requests) {
								requests.forEach(function (r) {
									if (!/\.[a-z]+$/.test(new URL(r.url).pathname)) cache.delete(r);
								});
							});
						});
					});
				});
			}
			var status = document.querySelector('[data-forget-status]');
			if (status) status.textContent = button.getAttribute('data-done-text');
			applyCountry();
			showHome();
			var resume = document.querySelector('[data-resume]');
			if (resume) resume.hidden = true;
		});
	});

	// the course certificate: today's date written on the device; printing is the browser's own
	all('[data-certificate-date]').forEach(function (input) {
		if (!input.value) input.value = new Date().toLocaleDateString(document.documentElement.lang || undefined);
	});
	all('[data-print]').forEach(function (button) {
		button.addEventListener('click', function () { window.print(); });
	});

	if ('serviceWorker' in navigator && window.isSecureContext) {
		navigator.serviceWorker.register('/kids-sw.js', { scope: root.getAttribute('data-kids-root') }).catch(function () {
			/* offline support is a bonus; the zone works without it */
		});
	}
})();
