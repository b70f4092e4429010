// ACP page "Inzicht": the charts (with the Chart.js NodeBB's own ACP dashboard ships), the period selector, the
// recount and the "top contributors" switch. Figures and tables are rendered by the server; labels come from the
// page (translated there) and go into the charts as text.
import {
	Chart, BarController, CategoryScale, LinearScale, BarElement, Tooltip, Legend,
} from 'chart.js';
import * as api from 'api';
import * as alerts from 'alerts';

Chart.register(BarController, CategoryScale, LinearScale, BarElement, Tooltip, Legend);

const charts = [];

function label(key) {
	const el = document.querySelector('#lvl-insight-labels [data-label="' + key + '"]');
	return el ? el.textContent : key;
}

// Bootstrap's own colours, so the charts follow the light or dark skin.
function colour(name) {
	return getComputedStyle(document.documentElement).getPropertyValue('--bs-' + name).trim() || '#888';
}

function bar(name, labels, datasets, stacked) {
	const canvas = document.querySelector('canvas[data-chart="' + name + '"]');
	if (!canvas) {
		return;
	}
	charts.push(new Chart(canvas, {
		type: 'bar',
		data: { labels: labels, datasets: datasets },
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			scales: { x: { stacked: !!stacked }, y: { stacked: !!stacked, beginAtZero: true, ticks: { precision: 0 } } },
			plugins: { legend: { display: datasets.length > 1 } },
		},
	}));
}

function drawCharts(data) {
	while (charts.length) {
		charts.pop().destroy();
	}
	const months = data.months || [];
	bar('months', months.map(m => m.key), [
		{ label: label('questions'), data: months.map(m => m.questions), backgroundColor: colour('primary') },
		{ label: label('offers'), data: months.map(m => m.offers), backgroundColor: colour('success') },
		{ label: label('wanted'), data: months.map(m => m.wanted), backgroundColor: colour('warning') },
	]);
	const backlog = data.backlog || [];
	bar('backlog', backlog.map(b => label(b.bucket)), [
		{ label: label('questions'), data: backlog.map(b => b.count), backgroundColor: colour('danger') },
	]);
	const domains = data.domains || [];
	bar('domains', domains.map(d => d.label), [
		{ label: label('basic'), data: domains.map(d => d.basic), backgroundColor: colour('info') },
		{ label: label('experienced'), data: domains.map(d => d.experienced), backgroundColor: colour('primary') },
		{ label: label('expert'), data: domains.map(d => d.expert), backgroundColor: colour('success') },
	], true);
}

export function init() {
	drawCharts(ajaxify.data.charts || {});

	$('[component="lvl/insight/period"]').on('change', function () {
		// keep the rest of the query (a forced ?lang=, for one)
		const params = new URLSearchParams(window.location.search);
		params.set('period', this.value);
		ajaxify.go('admin/plugins/lvl/insight?' + params.toString());
	});

	$('[component="lvl/insight/recount"]').on('click', function () {
		const button = $(this).prop('disabled', true);
		api.post('/plugins/lvl/insight/recount', {}).then(() => {
			alerts.success(label('recounted'));
			ajaxify.refresh();
		}).catch((err) => {
			button.prop('disabled', false);
			alerts.error(err);
		});
	});

	$('#lvl-insight-top').on('change', function () {
		const box = this;
		api.put('/plugins/lvl/settings', { insightTopContributors: box.checked ? '1' : '0' }).then(() => {
			alerts.success(label('saved'));
		}).catch((err) => {
			box.checked = !box.checked;
			alerts.error(err);
		});
	});
}
