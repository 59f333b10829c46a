// Guideline checklists: ticks are kept in this browser's localStorage only (nothing is sent), and a
// print button. Without JavaScript the list still works as a printable list of checkboxes.
(function () {
	'use strict';
	var PREFIX = 'cop-learn-checklist:';
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
	var lists = document.querySelectorAll('[data-checklist]');
	Array.prototype.forEach.call(lists, function (list) {
		var key = PREFIX + list.getAttribute('data-checklist');
		var saved = {};
		try {
			saved = JSON.parse((store && store.getItem(key)) || '{}') || {};
		} catch (e) {
			saved = {};
		}
		var boxes = list.querySelectorAll('input[type=checkbox][data-item]');
		Array.prototype.forEach.call(boxes, function (box) {
			box.checked = saved[box.getAttribute('data-item')] === true;
			box.addEventListener('change', function () {
				saved[box.getAttribute('data-item')] = box.checked;
				if (store) store.setItem(key, JSON.stringify(saved));
			});
		});
		var clear = list.querySelector('[data-clear]');
		if (clear) {
			clear.hidden = false;
			clear.addEventListener('click', function () {
				saved = {};
				if (store) store.removeItem(key);
				Array.prototype.forEach.call(boxes, function (box) {
					box.checked = false;
				});
			});
		}
	});
	Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
		button.hidden = false;
		button.addEventListener('click', function () {
			window.print();
		});
	});
})();
