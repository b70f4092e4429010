<div class="lvl lvl-members-only d-flex flex-column gap-3 mx-auto" style="max-width: 960px;">
	<h1 class="fs-3 fw-semibold mb-0">{{tx("lvl:platform.name")}}</h1>
	<!-- IMPORT partials/lvl/how-to-join.tpl -->
	{{{ if loggedIn }}}
	<div class="card" component="lvl/own-data">
		<div class="card-body d-flex flex-column gap-2">
			<h2 class="fs-6 fw-semibold mb-0">{{tx("lvl-privacy:own-data.title")}}</h2>
			<p class="mb-0 small text-secondary">{{tx("lvl-privacy:own-data.explain")}}</p>
			<div class="d-flex flex-wrap gap-2">
				<a class="btn btn-outline-secondary btn-sm" href="{config.relative_path}/api/v3/plugins/lvl/me/data" download data-ajaxify="false" component="lvl/own-data/export"><i class="fa fa-download" aria-hidden="true"></i> {{tx("lvl-privacy:own-data.export")}}</a>
				<button type="button" class="btn btn-outline-danger btn-sm" component="lvl/own-data/erase"><i class="fa fa-eraser" aria-hidden="true"></i> {{tx("lvl-privacy:own-data.erase")}}</button>
			</div>
		</div>
	</div>
	{{{ end }}}
</div>
