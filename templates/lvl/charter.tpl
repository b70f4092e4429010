<div class="lvl lvl-charter d-flex flex-column gap-4 mb-5" component="lvl/charter">
	<div>
		<h1 class="fs-3 fw-semibold tracking-tight mb-1">{{tx("lvl-engagement:charter.title")}}</h1>
		{{{ if hasCharter }}}
		<p class="text-secondary mb-0">{{tx("lvl-engagement:charter.version", version)}} · <span class="timeago" title="{publishedISO}"></span></p>
		{{{ else }}}
		<p class="text-secondary mb-0">{{tx("lvl-engagement:charter.none")}}</p>
		{{{ end }}}
	</div>

	{{{ if pending }}}
	<div class="alert alert-warning d-flex flex-column flex-sm-row gap-2 align-items-sm-center justify-content-between mb-0" component="lvl/charter/pending">
		<span>{{tx("lvl-engagement:charter.pending", pending)}}</span>
		<button type="button" class="btn btn-primary btn-sm text-nowrap" component="lvl/charter/accept" data-version="{pending}">{{tx("lvl-engagement:charter.accept-button")}}</button>
	</div>
	{{{ end }}}

	{{{ if hasCharter }}}
	<section class="card"><div class="card-body">
		<!-- IMPORT partials/lvl/charter-articles.tpl -->
	</div></section>
	{{{ end }}}

	{{{ if member }}}
	<section id="lvl-my-warnings" class="d-flex flex-column gap-2" component="lvl/charter/warnings">
		<h2 class="fs-5 fw-semibold mb-0">{{tx("lvl-engagement:me.warnings")}}</h2>
		{{{ if hasWarnings }}}
		{{{ each warnings }}}
		<div class="card border-warning" component="lvl/charter/warning">
			<div class="card-body d-flex flex-column gap-1">
				<div class="fw-semibold">{{tx("lvl-engagement:me.warning-article", ./number)}} · {{./titleText}}</div>
				<blockquote class="border-start border-3 ps-2 mb-1 text-secondary" style="white-space: pre-line;">{{./quoteText}}</blockquote>
				{{{ if ./note }}}<div style="white-space: pre-line;"><span class="fw-semibold">{{tx("lvl-engagement:me.why")}}</span> {{./noteText}}</div>{{{ end }}}
				<div class="small text-secondary">{{tx("lvl-engagement:me.given")}} <span class="timeago" title="{./createdISO}"></span> · {{tx("lvl-engagement:me.expires")}} <span class="lvl-date" data-iso="{./expiresISO}">{./expiresISO}</span></div>
			</div>
		</div>
		{{{ end }}}
		{{{ else }}}
		<p class="text-secondary mb-0">{{tx("lvl-engagement:me.no-warnings")}}</p>
		{{{ end }}}
		<h2 class="fs-5 fw-semibold mb-0 mt-3">{{tx("lvl-engagement:me.acceptances")}}</h2>
		{{{ if hasAcceptances }}}
		<ul class="mb-0" component="lvl/charter/acceptances">
			{{{ each acceptances }}}<li>{{tx("lvl-engagement:me.accepted-version", ./version)}} <span class="lvl-date" data-iso="{./atISO}">{./atISO}</span></li>{{{ end }}}
		</ul>
		{{{ else }}}
		<p class="text-secondary mb-0">{{tx("lvl-engagement:me.no-acceptances")}}</p>
		{{{ end }}}
	</section>
	{{{ end }}}
</div>
