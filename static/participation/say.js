// Have your say: read-aloud for the youngest (voices on the device only, never online voices).
// No network code at all: no fetch, no XHR, no beacons, no storage. The pages work without it.
(function () {
	'use strict';
	var button = document.querySelector('[data-read-aloud]');
	var synth = window.speechSynthesis;
	if (!button || !synth || typeof window.SpeechSynthesisUtterance !== 'function') return;
	button.hidden = false;
	var label = button.textContent;
	var speaking = false;
	function stop() {
		synth.cancel();
		speaking = false;
		button.textContent = label;
	}
	function voiceFor(lang) {
		var base = lang.split('-')[0].toLowerCase();
		return synth.getVoices().filter(function (v) {
			return v.localService && v.lang.toLowerCase().split(/[-_]/)[0] === base;
		})[0] || null;
	}
	button.addEventListener('click', function () {
		if (speaking) return stop();
		var parts = Array.prototype.slice.call(document.querySelectorAll('[data-read]')).map(function (el) {
			var copy = el.cloneNode(true);
			Array.prototype.slice.call(copy.querySelectorAll('.untranslated, .visually-hidden')).forEach(function (x) { x.remove(); });
			var langEl = el.closest('[lang]');
			return { text: copy.textContent.replace(/\s+/g, ' ').trim(), lang: (langEl && langEl.getAttribute('lang')) || 'en' };
		}).filter(function (p) { return p.text; });
		if (!parts.length) return;
		if (!voiceFor(parts[0].lang)) {
			button.textContent = button.getAttribute('data-no-voice');
			setTimeout(function () { button.textContent = label; }, 4000);
			return;
		}
		speaking = true;
		button.textContent = button.getAttribute('data-stop-label');
		parts.forEach(function (p, i) {
			var u = new window.SpeechSynthesisUtterance(p.text);
			u.lang = p.lang;
			u.voice = voiceFor(p.lang) || voiceFor(parts[0].lang);
			u.rate = 0.9;
			if (i === parts.length - 1) u.onend = function () { speaking = false; button.textContent = label; };
			synth.speak(u);
		});
	});
})();
