// Quick exit for the help pages: the button, or Shift pressed three times, blanks the page and
// replaces it with a neutral site. location.replace leaves no entry to come Back to.
(function () {
	var link = document.querySelector('[data-quick-exit]');
	if (!link) return;
	var target = link.getAttribute('href');
	function leave(event) {
		if (event) event.preventDefault();
		document.title = '';
		document.body.innerHTML = '';
		document.documentElement.style.background = '#fff';
		window.location.replace(target);
	}
	link.addEventListener('click', leave);
	var presses = [];
	document.addEventListener('keydown', function (event) {
		if (event.key !== 'Shift' || event.repeat) return;
		var now = Date.now();
		presses = presses.filter(function (t) { return now - t < 1500; });
		presses.push(now);
		if (presses.length >= 3) leave();
	});
})();
