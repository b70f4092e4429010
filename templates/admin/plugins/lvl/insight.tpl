<div class="acp-page-container lvl-insight" component="lvl/insight" data-period="{period}">
	<div class="row border-bottom py-2 m-0 sticky-top acp-page-main-header align-items-center gap-2">
		<div class="col-12 col-md px-0">
			<h4 class="fw-bold tracking-tight mb-0">{{tx("lvl-insight:title")}}</h4>
			<div class="small text-secondary" component="lvl/insight/snapshot">{{{ if snapshotAt }}}{{tx("lvl-insight:snapshot-at")}} <span class="timeago" title="{snapshotAt}"></span>{{{ else }}}{{tx("lvl-insight:snapshot-none")}}{{{ end }}}</div>
		</div>
		<div class="col-12 col-md-auto px-0 d-flex flex-wrap gap-2 align-items-center">
			<label class="form-label mb-0 small" for="lvl-insight-period">{{tx("lvl-insight:period")}}</label>
			<select id="lvl-insight-period" class="form-select form-select-sm w-auto" component="lvl/insight/period">
				{{{ each periods }}}
				<option value="{./value}" {{{ if ./selected }}}selected{{{ end }}}>{{tx(lvlKey("lvl-insight:period.", ./value))}}</option>
				{{{ end }}}
			</select>
			<button type="button" class="btn btn-sm btn-light" component="lvl/insight/recount"><i class="fa fa-rotate" aria-hidden="true"></i> {{tx("lvl-insight:recount")}}</button>
		</div>
	</div>

	<nav class="d-flex flex-wrap gap-2 py-2 small" aria-label="{{tx("lvl-insight:link.pages")}}">
		<a href="{config.relative_path}/admin/plugins/lvl">{{tx("lvl-insight:link.settings")}}</a>
		<a href="{config.relative_path}/admin/plugins/lvl/roster">{{tx("lvl-insight:link.roster")}}</a>
		<a href="{config.relative_path}/admin/plugins/lvl/competences">{{tx("lvl-insight:link.competences")}}</a>
	</nav>

	<p class="text-secondary small mb-3">{{tx("lvl-insight:intro")}}</p>

	{{{ each sections }}}
	<section class="mb-4" component="lvl/insight/section" data-section="{./name}">
		<h5 class="fw-bold tracking-tight">{{tx(lvlKey("lvl-insight:section.", ./name))}}</h5>
		{{{ if ./unavailable }}}
		<div class="alert alert-info small" component="lvl/insight/unavailable">{{tx("lvl-insight:engagement.unavailable")}}</div>
		{{{ end }}}
		{{{ if ./cards.length }}}
		<div class="row row-cols-2 row-cols-lg-4 g-2 mb-3">
			{{{ each ./cards }}}
			<div class="col">
				<div class="card h-100"><div class="card-body p-2">
					<div class="small text-secondary">{{tx(./label)}}</div>
					<div class="fs-4 fw-semibold" data-figure="{./key}">{./value}</div>
					{{{ if ./detail }}}<div class="small text-secondary">{{tx(./detail)}}</div>{{{ end }}}
				</div></div>
			</div>
			{{{ end }}}
		</div>
		{{{ end }}}
		{{{ if ./charts.length }}}
		<div class="row g-3 mb-3">
			{{{ each ./charts }}}
			<div class="col-12 col-lg-6">
				<div class="card h-100"><div class="card-body p-2">
					<div class="small fw-semibold mb-1">{{tx(lvlKey("lvl-insight:chart.", ./name))}}</div>
					<div class="position-relative" style="height: 240px;"><canvas data-chart="{./name}" role="img" aria-label="{{tx(lvlKey("lvl-insight:chart.", ./name))}}"></canvas></div>
				</div></div>
			</div>
			{{{ end }}}
		</div>
		{{{ end }}}
		{{{ each ./tables }}}
		<div class="mb-3" component="lvl/insight/table" data-table="{./name}">
			<div class="d-flex justify-content-between align-items-center gap-2 mb-1">
				<h6 class="fw-semibold mb-0">{{tx(lvlKey("lvl-insight:table.", ./name))}}</h6>
				<a class="btn btn-sm btn-outline-secondary text-nowrap" href="{./csv}" download component="lvl/insight/csv"><i class="fa fa-file-csv" aria-hidden="true"></i> {{tx("lvl-insight:csv")}}</a>
			</div>
			{{{ if ./empty }}}
			<p class="small text-secondary mb-0">{{tx("lvl-insight:table.empty")}}</p>
			{{{ else }}}
			<div class="table-responsive">
				<table class="table table-sm table-striped align-middle mb-0 small">
					<thead><tr>{{{ each ./columns }}}<th scope="col" class="{{{ if ./numeric }}}text-end{{{ end }}}">{{tx(lvlKey("lvl-insight:column.", ./key))}}</th>{{{ end }}}</tr></thead>
					<tbody>
						{{{ each ./rows }}}
						<tr>{{{ each ./cells }}}<td class="{{{ if ./numeric }}}text-end text-nowrap{{{ end }}}">{{tx(./text)}}</td>{{{ end }}}</tr>
						{{{ end }}}
					</tbody>
				</table>
			</div>
			{{{ end }}}
		</div>
		{{{ end }}}
	</section>
	{{{ end }}}

	<section class="mb-4" component="lvl/insight/promise">
		<h5 class="fw-bold tracking-tight">{{tx("lvl-promise:insight.title")}}</h5>
		<div class="row row-cols-2 row-cols-lg-4 g-2 mb-3">
			<div class="col"><div class="card h-100"><div class="card-body p-2">
				<div class="small text-secondary">{{tx("lvl-promise:insight.within-48h")}}</div>
				<div class="fs-4 fw-semibold" data-figure="promise-within-48h">{{{ if promise.within48h }}}{promise.within48h}{{{ else }}}<span class="fs-6 text-secondary">{{tx("lvl-promise:insight.no-data")}}</span>{{{ end }}}</div>
			</div></div></div>
			<div class="col"><div class="card h-100"><div class="card-body p-2">
				<div class="small text-secondary">{{tx("lvl-promise:insight.first-claim")}}</div>
				<div class="fs-4 fw-semibold" data-figure="promise-first-claim">{{{ if promise.firstClaimHours }}}{{tx("lvl-promise:insight.hours", promise.firstClaimHours)}}{{{ else }}}<span class="fs-6 text-secondary">{{tx("lvl-promise:insight.no-data")}}</span>{{{ end }}}</div>
			</div></div></div>
			<div class="col"><div class="card h-100"><div class="card-body p-2">
				<div class="small text-secondary">{{tx("lvl-promise:insight.concentration")}}</div>
				<div class="fs-4 fw-semibold" data-figure="promise-top-share">{{{ if promise.topShare }}}{promise.topShare}{{{ else }}}<span class="fs-6 text-secondary">{{tx("lvl-promise:insight.no-data")}}</span>{{{ end }}}</div>
			</div></div></div>
		</div>
		<h6 class="fw-semibold mb-1">{{tx("lvl-promise:insight.gaps")}}</h6>
		<p class="small text-secondary mb-1">{{tx("lvl-promise:insight.gaps-help")}}</p>
		{{{ if promise.noGaps }}}
		<p class="small text-secondary mb-0" component="lvl/insight/promise-gaps-none">{{tx("lvl-promise:insight.none")}}</p>
		{{{ else }}}
		<div class="table-responsive">
			<table class="table table-sm table-striped align-middle mb-0 small" component="lvl/insight/promise-gaps">
				<thead><tr><th scope="col">{{tx("lvl-promise:insight.col-competence")}}</th><th scope="col">{{tx("lvl-promise:insight.col-language")}}</th><th scope="col">{{tx("lvl-promise:insight.col-region")}}</th><th scope="col" class="text-end">{{tx("lvl-promise:insight.col-demand")}}</th><th scope="col" class="text-end">{{tx("lvl-promise:insight.col-helpers")}}</th></tr></thead>
				<tbody>
					{{{ each promise.gaps }}}
					<tr><td>{{./competence}}</td><td>{{./language}}</td><td>{{./region}}</td><td class="text-end">{./demand}</td><td class="text-end">{./helpers}</td></tr>
					{{{ end }}}
				</tbody>
			</table>
		</div>
		{{{ end }}}
	</section>

	<section class="mb-4" component="lvl/insight/top-setting">
		<h5 class="fw-bold tracking-tight">{{tx("lvl-insight:section.privacy")}}</h5>
		<div class="form-check form-switch">
			<input class="form-check-input" type="checkbox" role="switch" id="lvl-insight-top" {{{ if topOn }}}checked{{{ end }}} {{{ if !canChangeSettings }}}disabled{{{ end }}}>
			<label class="form-check-label" for="lvl-insight-top">{{tx("lvl-insight:top.setting")}}</label>
			<div class="form-text">{{tx("lvl-insight:top.help")}}</div>
		</div>
	</section>

	<div class="d-none" id="lvl-insight-labels">
		<span data-label="questions">{{tx("lvl-insight:column.questions")}}</span>
		<span data-label="offers">{{tx("lvl-insight:column.offers")}}</span>
		<span data-label="wanted">{{tx("lvl-insight:column.wanted")}}</span>
		<span data-label="basic">{{tx("lvl-insight:column.basic")}}</span>
		<span data-label="experienced">{{tx("lvl-insight:column.experienced")}}</span>
		<span data-label="expert">{{tx("lvl-insight:column.expert")}}</span>
		<span data-label="lt2d">{{tx("lvl-insight:backlog.lt2d")}}</span>
		<span data-label="2to7d">{{tx("lvl-insight:backlog.2to7d")}}</span>
		<span data-label="1to4w">{{tx("lvl-insight:backlog.1to4w")}}</span>
		<span data-label="1to3m">{{tx("lvl-insight:backlog.1to3m")}}</span>
		<span data-label="gt3m">{{tx("lvl-insight:backlog.gt3m")}}</span>
		<span data-label="recounted">{{tx("lvl-insight:recounted")}}</span>
		<span data-label="saved">{{tx("lvl-insight:top.saved")}}</span>
	</div>
</div>
