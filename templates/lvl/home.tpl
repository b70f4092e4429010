<div class="lvl lvl-home d-flex flex-column gap-3 mx-auto" style="max-width: 960px;">
	<div class="d-flex flex-column gap-1">
		<h1 class="fs-3 fw-semibold mb-0">{{tx("lvl:platform.name")}}</h1>
		<p class="text-secondary mb-0">{{tx("lvl:platform.tagline")}}</p>
	</div>

	{{{ if member }}}
	<div class="card">
		<div class="card-body d-flex flex-column gap-2">
			<h2 class="fs-5 fw-semibold mb-0">{{tx("lvl:platform.welcome-member")}}</h2>
			<p class="mb-0">{{tx("lvl:platform.principles")}}</p>
		</div>
	</div>
	{{{ if reminder }}}
	<div class="card border-primary" component="lvl/profile-reminder" data-uid="{uid}">
		<div class="card-body d-flex flex-column gap-2">
			<div class="d-flex justify-content-between align-items-start gap-2">
				<h2 class="fs-5 fw-semibold mb-0">{{tx("lvl:reminder.title")}}</h2>
				<button type="button" class="btn-close" component="lvl/profile-reminder/dismiss" aria-label="{{tx("lvl:reminder.dismiss")}}"></button>
			</div>
			<p class="mb-0">{{tx("lvl:reminder.text")}}</p>
			<div class="progress" role="progressbar" aria-valuenow="{completeness}" aria-valuemin="0" aria-valuemax="100" style="height: .5rem;">
				<div class="progress-bar" style="width: {completeness}%"></div>
			</div>
			<div><a class="btn btn-primary" href="{config.relative_path}{profileUrl}">{{tx("lvl:reminder.action")}}</a></div>
		</div>
	</div>
	{{{ end }}}
	<div class="d-flex flex-wrap gap-2">
		<a class="btn btn-outline-primary" href="{config.relative_path}/wie-weet-wat"><i class="fa fa-people-group"></i> {{tx("lvl:directory.title")}}</a>
		{{{ if profileUrl }}}<a class="btn btn-outline-secondary" href="{config.relative_path}{profileUrl}"><i class="fa fa-graduation-cap"></i> {{tx("lvl:profile.mine")}}</a>{{{ end }}}
	</div>
	{{{ if hasCategories }}}
	<div class="list-group" component="lvl/categories">
		{{{ each categories }}}
		<a class="list-group-item list-group-item-action d-flex gap-2 align-items-center" href="{config.relative_path}/category/{./slug}">
			<i class="fa fa-fw {./icon} text-secondary"></i>
			<span class="fw-semibold">{{./name}}</span>
		</a>
		{{{ end }}}
	</div>
	{{{ else }}}
	<div class="alert alert-info mb-0">{{tx("lvl:platform.no-categories")}}</div>
	{{{ end }}}
	{{{ else }}}
	<!-- IMPORT partials/lvl/how-to-join.tpl -->
	{{{ end }}}

	<p class="small text-secondary mb-0">{{tx("lvl:platform.disclaimer")}}</p>
</div>
