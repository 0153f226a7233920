// Collected before anything else runs, so that a failure of the report code itself is reported too.
window.onrushErrors = [];
window.addEventListener('error', function (e) { window.onrushErrors.push(String(e.message)); });
(function () {
    var original = console.error;
    console.error = function () {
        window.onrushErrors.push(Array.prototype.join.call(arguments, ' '));
        original.apply(console, arguments);
    };
})();
// After rendering: how many charts have pixels on their canvases, and which errors happened (for tests).
window.addEventListener('load', function () {
    setTimeout(function () {
        var charts = document.querySelectorAll('.chart');
        var drawn = 0;
        charts.forEach(function (c) {
            var canvas = c.querySelector('canvas');
            if (!canvas || canvas.width === 0 || canvas.height === 0) {
                return;
            }
            var px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (var i = 3; i < px.length; i += 4) {
                if (px[i] !== 0) {
                    drawn++;
                    return;
                }
            }
        });
        var check = document.getElementById('render-check');
        check.setAttribute('data-expected', String(charts.length));
        check.setAttribute('data-charts', String(drawn));
        check.setAttribute('data-errors', window.onrushErrors.join(' | '));
        check.setAttribute('data-done', 'true');
    }, 100);
});
