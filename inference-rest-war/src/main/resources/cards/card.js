'use strict';
// The model card's live parts: the drift figures (GET .../drift) and the try-a-prediction form
// (POST .../predict). Everything from a response is put into the page as text, never as markup.
(function () {
    const SVG = 'http://www.w3.org/2000/svg';
    const drift = document.getElementById('drift');
    const form = document.getElementById('try-form');

    function cell(row, text, className) {
        const td = document.createElement('td');
        td.textContent = text;
        if (className) {
            td.className = className;
        }
        row.appendChild(td);
        return td;
    }

    function fixed(value, digits) {
        return typeof value === 'number' && isFinite(value) ? value.toFixed(digits) : '–';
    }

    /** Reference (grey) and recent (coloured) share of each bin, side by side. */
    function distribution(reference, recent) {
        const bins = Math.max(reference.length, recent.length);
        const width = 170;
        const height = 34;
        const slot = width / Math.max(1, bins);
        const largest = Math.max(0.0001, ...reference, ...recent);
        const svg = document.createElementNS(SVG, 'svg');
        svg.setAttribute('class', 'drift-bins');
        svg.setAttribute('width', width);
        svg.setAttribute('height', height);
        const bar = (share, x, fill) => {
            const rect = document.createElementNS(SVG, 'rect');
            const h = (share || 0) / largest * (height - 2);
            rect.setAttribute('x', x.toFixed(1));
            rect.setAttribute('y', (height - h).toFixed(1));
            rect.setAttribute('width', Math.max(1, slot / 2 - 1).toFixed(1));
            rect.setAttribute('height', h.toFixed(1));
            rect.setAttribute('fill', fill);
            svg.appendChild(rect);
        };
        for (let i = 0; i < bins; i++) {
            bar(reference[i], i * slot, '#bcccdc');
            bar(recent[i], i * slot + slot / 2, '#2f6fab');
        }
        return svg;
    }

    function showDrift(state, message) {
        drift.dataset.state = state;
        drift.querySelector('.drift-status').textContent = message;
        drift.querySelector('table').hidden = state !== 'ready';
    }

    async function loadDrift() {
        let response;
        try {
            response = await fetch(drift.dataset.url, {headers: {Accept: 'application/json'}});
        } catch (error) {
            showDrift('unavailable', 'The drift figures could not be fetched: ' + error.message);
            return;
        }
        if (!response.ok) {
            showDrift('unavailable', response.status === 404
                ? 'This server has no drift figures for this version (HTTP 404).'
                : 'The drift endpoint answered HTTP ' + response.status + '.');
            return;
        }
        const body = await response.json();
        if (!body.baseline) {
            showDrift('no-baseline', 'No drift baseline: this version was trained before metadata format 2, or imported.');
            return;
        }
        const rows = drift.querySelector('tbody');
        rows.replaceChildren();
        for (const feature of body.features || []) {
            const row = document.createElement('tr');
            row.className = 'drift-feature';
            cell(row, feature.name === null || feature.name === undefined ? 'x' + feature.index : feature.name);
            cell(row, fixed(feature.psi, 3), 'num');
            cell(row, fixed(feature.jensenShannon, 3), 'num');
            const status = document.createElement('span');
            status.className = 'status status-' + String(feature.status).replace(/[^a-z-]/g, '');
            status.textContent = feature.status;
            cell(row, '').appendChild(status);
            cell(row, '').appendChild(distribution(feature.referenceShares || [], feature.recentShares || []));
            rows.appendChild(row);
        }
        const recent = body.window || {};
        const thresholds = body.thresholds || {};
        showDrift('ready', 'Recent window: ' + recent.rows + ' of the last ' + recent.capacity + ' rows predicted. PSI below '
            + thresholds.moderate + ' reads stable, above ' + thresholds.significant + ' significant.');
    }

    async function predict(event) {
        event.preventDefault();
        const result = document.getElementById('try-result');
        const message = result.querySelector('.try-error');
        const row = Array.from(form.querySelectorAll('input[data-feature]'), input => input.value.trim() === '' ? null : Number(input.value));
        result.dataset.state = 'pending';
        message.textContent = '';
        try {
            const response = await fetch(form.dataset.url, {
                method: 'POST',
                headers: {'Content-Type': 'application/json', Accept: 'application/json'},
                body: JSON.stringify({instances: [row]})
            });
            const body = await response.json();
            if (!response.ok) {
                result.dataset.state = 'error';
                message.textContent = (body.title || 'HTTP ' + response.status) + ': ' + (body.detail || '');
                return;
            }
            result.querySelector('.prediction-label').textContent = String(body.predictions[0]);
            body.probabilities[0].forEach((probability, k) => {
                const meter = result.querySelector('meter[data-class-index="' + k + '"]');
                const text = result.querySelector('td[data-class-index="' + k + '"]');
                if (meter && text) {
                    meter.value = probability;
                    text.textContent = fixed(probability, 4);
                }
            });
            result.dataset.state = 'done';
            if (drift) {
                loadDrift();
            }
        } catch (error) {
            result.dataset.state = 'error';
            message.textContent = 'The prediction failed: ' + error.message;
        }
    }

    if (form) {
        form.addEventListener('submit', predict);
    }
    if (drift) {
        drift.querySelector('button.refresh').addEventListener('click', loadDrift);
        loadDrift();
    }
})();
