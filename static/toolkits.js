// Toolkit self-assessment, progressive enhancement only (everything works without it):
// - "keep my answers on this device": when the visitor ticks it, the answers and the organisation's
//   name are kept in this browser's localStorage (never sent anywhere) and restored next time;
//   unticking it forgets them;
// - a Print button on the printable action plan.
(function () {
	'use strict';
	var PREFIX = 'cop-toolkit:';
	function storage() {
		try {
			var s = window.localStorage;
			s.setItem(PREFIX + 'probe', '1');
			s.removeItem(PREFIX + 'probe');
			return s;
		} catch (e) {
			return null;
		}
	}
	var store = storage();
	var form = document.querySelector('form[data-toolkit-form]');
	if (form && store) {
		var key = PREFIX + form.getAttribute('data-toolkit-form');
		var box = form.querySelector('[data-device]');
		var keep = form.querySelector('[data-device-keep]');
		var restored = form.querySelector('[data-device-restored]');
		var saved = null;
		try {
			saved = JSON.parse(store.getItem(key) || 'null');
		} catch (e) {
			saved = null;
		}
		box.hidden = false;
		keep.checked = !!saved;
		var radios = form.querySelectorAll('input[type=radio]');
		var anyChecked = Array.prototype.some.call(radios, function (r) {
			return r.checked;
		});
		if (saved && saved.answers && !anyChecked) {
			Array.prototype.forEach.call(radios, function (r) {
				if (saved.answers[r.name] === r.value) r.checked = true;
			});
			var org = form.querySelector('input[name=organisation]');
			if (org && !org.value && typeof saved.organisation === 'string') org.value = saved.organisation;
			restored.hidden = false;
		}
		function remember() {
			if (!keep.checked) return;
			var answers = {};
			Array.prototype.forEach.call(radios, function (r) {
				if (r.checked) answers[r.name] = r.value;
			});
			var org = form.querySelector('input[name=organisation]');
			store.setItem(key, JSON.stringify({ answers: answers, organisation: org ? org.value : '' }));
		}
		form.addEventListener('change', function (e) {
			if (e.target === keep && !keep.checked) {
				store.removeItem(key);
				return;
			}
			remember();
		});
		form.addEventListener('submit', remember);
	}
	Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
		button.hidden = false;
		button.addEventListener('click', function () {
			window.print();
		});
	});
})();
