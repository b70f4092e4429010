<div class="lvl lvl-competence d-flex flex-column gap-3 mx-auto w-100" style="max-width: 960px;" component="lvl/competence" data-key="{competence.key}">
	<!-- IMPORT partials/breadcrumbs.tpl -->

	<div class="d-flex flex-column gap-1">
		<h1 class="fs-3 fw-semibold mb-0 text-break">{{competence.label}}</h1>
		{{{ if competence.domain }}}
		<p class="text-secondary mb-0">{{tx("lvl:competence.domain")}} <span class="fw-semibold">{{competence.domain}}</span></p>
		{{{ end }}}
		{{{ if competence.synonyms }}}
		<p class="text-secondary small mb-0 text-break">{{tx("lvl:competence.synonyms")}} {{competence.synonyms}}</p>
		{{{ end }}}
	</div>

	{{{ if competence.retired }}}
	<div class="alert alert-info mb-0">{{tx("lvl:competence.retired")}}</div>
	{{{ end }}}

	<div class="d-grid d-sm-flex gap-2">
		<a class="btn btn-outline-primary" href="{config.relative_path}/wie-weet-wat?c={competence.key}"><i class="fa fa-fw fa-filter" aria-hidden="true"></i> {{tx("lvl:competence.refine")}}</a>
		<a class="btn btn-outline-secondary" href="{config.relative_path}/wie-weet-wat"><i class="fa fa-fw fa-search" aria-hidden="true"></i> {{tx("lvl:competence.back-to-directory")}}</a>
	</div>

	<section class="d-flex flex-column gap-2" aria-labelledby="lvl-competence-count">
		<h2 class="fs-5 fw-semibold mb-0" id="lvl-competence-count">
			{{{ if (total == "1") }}}{{tx("lvl:competence.count-one")}}{{{ else }}}{{tx("lvl:competence.count", total)}}{{{ end }}}
		</h2>
		{{{ if results.length }}}
		<ul class="list-unstyled d-flex flex-column gap-2 mb-0" component="lvl/results">
			{{{ each results }}}
			<!-- IMPORT partials/lvl/member-card.tpl -->
			{{{ end }}}
		</ul>
		{{{ else }}}
		<div class="card" component="lvl/empty">
			<div class="card-body d-flex flex-column gap-2 p-3">
				<p class="mb-0">{{tx("lvl:competence.empty")}}</p>
				<div class="d-grid d-sm-flex gap-2">
					<a class="btn btn-outline-primary" href="{config.relative_path}/me/competenties"><i class="fa fa-fw fa-plus" aria-hidden="true"></i> {{tx("lvl:competence.add-to-mine")}}</a>
					<a class="btn btn-outline-secondary" href="{config.relative_path}/leden-voor-leden">{{tx("lvl:directory.go-to-forum")}}</a>
				</div>
			</div>
		</div>
		{{{ end }}}
	</section>

	{{{ if (pagination.prev || pagination.next) }}}
	<nav class="d-flex justify-content-between align-items-center gap-2" aria-label="{{tx("lvl:pagination.label")}}" component="lvl/pagination">
		{{{ if pagination.prev }}}
		<a class="btn btn-outline-secondary" href="?page={pagination.prev}" rel="prev"><i class="fa fa-fw fa-chevron-left" aria-hidden="true"></i> {{tx("lvl:pagination.previous")}}</a>
		{{{ else }}}
		<span></span>
		{{{ end }}}
		<span class="text-secondary small text-center">{{tx("lvl:pagination.page-of", pagination.page, pagination.pageCount)}}</span>
		{{{ if pagination.next }}}
		<a class="btn btn-outline-secondary" href="?page={pagination.next}" rel="next">{{tx("lvl:pagination.next")}} <i class="fa fa-fw fa-chevron-right" aria-hidden="true"></i></a>
		{{{ else }}}
		<span></span>
		{{{ end }}}
	</nav>
	{{{ end }}}

	<section class="d-flex flex-column gap-2" aria-labelledby="lvl-competence-questions" component="lvl/competence/questions">
		<h2 class="fs-5 fw-semibold mb-0" id="lvl-competence-questions">{{tx("lvl:qa.competence.questions")}}</h2>
		{{{ if questions.length }}}
		<ul class="list-group">
			{{{ each questions }}}
			<li class="list-group-item d-flex flex-column gap-1">
				<a class="fw-semibold text-break" href="{config.relative_path}/topic/{./slug}">{{./title}}</a>
				<div class="d-flex flex-wrap gap-1 small">{{{ each ./icons }}}{@value}{{{ end }}} <span class="text-secondary"><span class="timeago" title="{./timestampISO}"></span></span></div>
			</li>
			{{{ end }}}
		</ul>
		{{{ else }}}
		<p class="text-secondary mb-0">{{tx("lvl:qa.competence.no-questions")}}</p>
		{{{ end }}}
	</section>
</div>
