<div class="lvl lvl-directory d-flex flex-column gap-3 mx-auto w-100" style="max-width: 960px;" component="lvl/directory">
	<!-- IMPORT partials/breadcrumbs.tpl -->

	<div class="d-flex flex-column gap-1">
		<h1 class="fs-3 fw-semibold mb-0">{{tx("lvl:directory.title")}}</h1>
		<p class="text-secondary mb-0">{{tx("lvl:directory.intro")}}</p>
	</div>

	<form class="card" id="lvl-directory-form" method="get" action="{config.relative_path}/wie-weet-wat" role="search" component="lvl/directory/form">
		<div class="card-body d-flex flex-column gap-3 p-3">
			<div>
				<label class="form-label fw-semibold" for="lvl-competence-input">{{tx("lvl:directory.competence-label")}}</label>
				<div class="d-flex flex-wrap gap-2 mb-2{{{ if !asked.length }}} d-none{{{ end }}}" component="lvl/chips" aria-live="polite">
					{{{ each asked }}}
					<span class="badge text-bg-primary rounded-pill d-inline-flex align-items-center gap-1 fs-6 fw-normal ps-3 pe-1 py-1 text-wrap text-start" component="lvl/chip" data-key="{{./key}}">
						<input type="hidden" name="c" value="{{./key}}">
						<span>{{./label}}</span>
						<button type="button" class="btn btn-sm text-reset border-0 px-2 py-1" component="lvl/chip/remove"><i class="fa fa-times" aria-hidden="true"></i><span class="visually-hidden">{{tx("lvl:directory.remove-competence")}}</span></button>
					</span>
					{{{ end }}}
				</div>
				<div class="position-relative">
					<div class="input-group">
						<span class="input-group-text" aria-hidden="true"><i class="fa fa-fw fa-search"></i></span>
						<input class="form-control" type="text" id="lvl-competence-input" autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search" maxlength="100"
							placeholder="{{tx("lvl:directory.competence-placeholder")}}" aria-describedby="lvl-competence-help"
							role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="lvl-competence-list" component="lvl/picker/input">
					</div>
					<ul class="dropdown-menu w-100 mt-1 p-1 overflow-auto" id="lvl-competence-list" role="listbox" style="max-height: 40vh;" component="lvl/picker/list" aria-label="{{tx("lvl:picker.suggestions")}}"></ul>
				</div>
				<div class="form-text" id="lvl-competence-help" component="lvl/picker/help">{{tx("lvl:directory.competence-help")}}</div>
				<div class="form-text d-none" component="lvl/picker/full">{{tx("lvl:directory.competence-full")}}</div>
			</div>

			<div>
				<label class="form-label fw-semibold" for="lvl-q">{{tx("lvl:directory.text-label")}}</label>
				<input class="form-control" type="search" id="lvl-q" name="q" value="{{query.text}}" maxlength="100" enterkeyhint="search" placeholder="{{tx("lvl:directory.text-placeholder")}}">
			</div>

			<details class="border rounded p-2"{{{ if ((query.minLevel || query.role) || ((query.language || query.region) || query.availability)) }}} open{{{ end }}}>
				<summary class="fw-semibold py-1">
					<i class="fa fa-fw fa-filter" aria-hidden="true"></i> {{tx("lvl:directory.filters")}}
				</summary>
				<div class="row g-2 pt-2">
					<div class="col-12 col-sm-6 col-lg-4">
						<label class="form-label small mb-1" for="lvl-level">{{tx("lvl:directory.filter-level")}}</label>
						<select class="form-select" id="lvl-level" name="level">
							<option value="">{{tx("lvl:directory.any-level")}}</option>
							{{{ each levels }}}
							<option value="{./value}"{{{ if (query.minLevel == ./value) }}} selected{{{ end }}}>{{tx(lvlKey("lvl:level.", ./value))}}</option>
							{{{ end }}}
						</select>
					</div>
					<div class="col-12 col-sm-6 col-lg-4">
						<label class="form-label small mb-1" for="lvl-role">{{tx("lvl:directory.filter-role")}}</label>
						<select class="form-select" id="lvl-role" name="role">
							<option value="">{{tx("lvl:directory.any-role")}}</option>
							{{{ each roles }}}
							<option value="{./value}"{{{ if (query.role == ./value) }}} selected{{{ end }}}>{{tx(lvlKey("lvl:role.", ./value))}}</option>
							{{{ end }}}
						</select>
					</div>
					<div class="col-12 col-sm-6 col-lg-4">
						<label class="form-label small mb-1" for="lvl-lang">{{tx("lvl:directory.filter-language")}}</label>
						<select class="form-select" id="lvl-lang" name="language">
							<option value="">{{tx("lvl:directory.any-language")}}</option>
							{{{ each languages }}}
							<option value="{./value}"{{{ if (query.language == ./value) }}} selected{{{ end }}}>{{tx(lvlKey("lvl:language.", ./value))}}</option>
							{{{ end }}}
						</select>
					</div>
					<div class="col-12 col-sm-6 col-lg-4">
						<label class="form-label small mb-1" for="lvl-region">{{tx("lvl:directory.filter-region")}}</label>
						<select class="form-select" id="lvl-region" name="region">
							<option value="">{{tx("lvl:directory.any-region")}}</option>
							{{{ each regions }}}
							<option value="{./value}"{{{ if (query.region == ./value) }}} selected{{{ end }}}>{{tx(lvlKey("lvl:region.", ./value))}}</option>
							{{{ end }}}
						</select>
					</div>
					<div class="col-12 col-sm-6 col-lg-4">
						<label class="form-label small mb-1" for="lvl-availability">{{tx("lvl:directory.filter-availability")}}</label>
						<select class="form-select" id="lvl-availability" name="availability">
							<option value="">{{tx("lvl:directory.any-availability")}}</option>
							{{{ each availability }}}
							<option value="{./value}"{{{ if (query.availability == ./value) }}} selected{{{ end }}}>{{tx(lvlKey("lvl:availability.", ./value))}}</option>
							{{{ end }}}
						</select>
					</div>
				</div>
			</details>

			<div class="d-grid d-sm-flex gap-2 align-items-center">
				<button class="btn btn-primary px-4" type="submit"><i class="fa fa-fw fa-search" aria-hidden="true"></i> {{tx("lvl:directory.search")}}</button>
				{{{ if searched }}}
				<a class="btn btn-link" href="{config.relative_path}/wie-weet-wat">{{tx("lvl:directory.clear")}}</a>
				{{{ end }}}
			</div>
		</div>
	</form>

	<template id="lvl-chip-template">
		<span class="badge text-bg-primary rounded-pill d-inline-flex align-items-center gap-1 fs-6 fw-normal ps-3 pe-1 py-1 text-wrap text-start" component="lvl/chip" data-key="">
			<input type="hidden" name="c" value="">
			<span component="lvl/chip/label"></span>
			<button type="button" class="btn btn-sm text-reset border-0 px-2 py-1" component="lvl/chip/remove"><i class="fa fa-times" aria-hidden="true"></i><span class="visually-hidden">{{tx("lvl:directory.remove-competence")}}</span></button>
		</span>
	</template>

	{{{ if searched }}}
	<section class="d-flex flex-column gap-2" aria-labelledby="lvl-results-title">
		<h2 class="fs-5 fw-semibold mb-0" id="lvl-results-title" aria-live="polite">
			{{{ if (total == "1") }}}{{tx("lvl:directory.count-one")}}{{{ else }}}{{tx("lvl:directory.count", total)}}{{{ end }}}
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
				<p class="fw-semibold mb-0"><i class="fa fa-fw fa-circle-info text-secondary" aria-hidden="true"></i> {{tx("lvl:directory.empty-title")}}</p>
				<ul class="mb-0 ps-3 d-flex flex-column gap-1">
					<li>{{tx("lvl:directory.empty-fewer-filters")}}</li>
					<li>{{tx("lvl:directory.empty-other-word")}}</li>
					<li>{{tx("lvl:directory.empty-ask")}}</li>
				</ul>
				<div class="d-grid d-sm-flex gap-2">
					<a class="btn btn-outline-secondary" href="{config.relative_path}/wie-weet-wat">{{tx("lvl:directory.clear")}}</a>
					<a class="btn btn-outline-primary" href="{config.relative_path}/leden-voor-leden">{{tx("lvl:directory.go-to-forum")}}</a>
				</div>
			</div>
		</div>
		{{{ end }}}
	</section>
	{{{ else }}}
	<section class="card" aria-labelledby="lvl-browse-title">
		<div class="card-body d-flex flex-column gap-2 p-3">
			<h2 class="fs-5 fw-semibold mb-0" id="lvl-browse-title">{{tx("lvl:directory.browse-title")}}</h2>
			<p class="text-secondary mb-0">{{tx("lvl:directory.browse-intro")}}</p>
			<div class="d-flex flex-column gap-2" component="lvl/domains">
				{{{ each domains }}}
				<details class="border rounded px-2 py-1">
					<summary class="fw-semibold py-2">{{./label}}</summary>
					<ul class="list-unstyled d-flex flex-wrap gap-2 pb-2 mb-0">
						{{{ each ./competences }}}
						<li><a class="btn btn-sm btn-outline-secondary text-start" href="{config.relative_path}/wie-weet-wat?c={{./key}}">{{./label}}</a></li>
						{{{ end }}}
					</ul>
				</details>
				{{{ end }}}
			</div>
			<p class="small text-secondary mb-0">{{tx("lvl:directory.own-profile-hint")}} <a href="{config.relative_path}/me/competenties">{{tx("lvl:directory.own-profile-link")}}</a></p>
		</div>
	</section>

	{{{ if results.length }}}
	<section class="d-flex flex-column gap-2" aria-labelledby="lvl-recent-title">
		<h2 class="fs-5 fw-semibold mb-0" id="lvl-recent-title">{{tx("lvl:directory.recent-title")}}</h2>
		<ul class="list-unstyled d-flex flex-column gap-2 mb-0" component="lvl/results">
			{{{ each results }}}
			<!-- IMPORT partials/lvl/member-card.tpl -->
			{{{ end }}}
		</ul>
	</section>
	{{{ end }}}
	{{{ end }}}

	{{{ if (pagination.prev || pagination.next) }}}
	<nav class="d-flex justify-content-between align-items-center gap-2" aria-label="{{tx("lvl:pagination.label")}}" component="lvl/pagination">
		{{{ if pagination.prev }}}
		<a class="btn btn-outline-secondary" href="?page={pagination.prev}" data-lvl-page="{pagination.prev}" rel="prev"><i class="fa fa-fw fa-chevron-left" aria-hidden="true"></i> {{tx("lvl:pagination.previous")}}</a>
		{{{ else }}}
		<span></span>
		{{{ end }}}
		<span class="text-secondary small text-center">{{tx("lvl:pagination.page-of", pagination.page, pagination.pageCount)}}</span>
		{{{ if pagination.next }}}
		<a class="btn btn-outline-secondary" href="?page={pagination.next}" data-lvl-page="{pagination.next}" rel="next">{{tx("lvl:pagination.next")}} <i class="fa fa-fw fa-chevron-right" aria-hidden="true"></i></a>
		{{{ else }}}
		<span></span>
		{{{ end }}}
	</nav>
	{{{ end }}}
</div>
