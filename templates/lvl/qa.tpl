<div class="lvl lvl-qa d-flex flex-column gap-3 mx-auto w-100" style="max-width: 1100px;" component="lvl/qa" data-list="{list}">
	<!-- IMPORT partials/breadcrumbs.tpl -->

	<div class="d-flex flex-column flex-md-row justify-content-between gap-2">
		<div class="d-flex flex-column gap-1">
			<h1 class="fs-3 fw-semibold mb-0">{{tx("lvl:qa.title")}}</h1>
			<p class="text-secondary mb-0">{{tx("lvl:qa.intro")}}</p>
		</div>
		<div class="card align-self-md-start" component="lvl/qa/counts">
			<div class="card-body d-flex gap-3 p-2 small">
				<span>{{tx("lvl:qa.profile.asked")}} <span class="fw-semibold" component="lvl/qa/count/asked">{counts.asked}</span></span>
				<span>{{tx("lvl:qa.profile.answered")}} <span class="fw-semibold" component="lvl/qa/count/answered">{counts.answered}</span></span>
				<span>{{tx("lvl:qa.profile.accepted")}} <span class="fw-semibold" component="lvl/qa/count/accepted">{counts.accepted}</span></span>
			</div>
		</div>
	</div>

	<!-- IMPORT partials/lvl/pulse.tpl -->

	<nav aria-label="{{tx("lvl:qa.lists")}}">
		<ul class="nav nav-pills flex-nowrap overflow-auto gap-1 pb-1" component="lvl/qa/tabs">
			{{{ each tabs }}}
			<li class="nav-item text-nowrap">
				<a class="nav-link {{{ if ./active }}}active{{{ end }}}" {{{ if ./active }}}aria-current="page"{{{ end }}} href="{config.relative_path}/vragen?list={./name}" data-list="{./name}">{{tx(lvlKey("lvl:qa.list.", ./name))}}{{{ if ./count }}} <span class="badge rounded-pill text-bg-danger" component="lvl/qa/requests/count">{./count}</span>{{{ end }}}</a>
			</li>
			{{{ end }}}
		</ul>
	</nav>

	<div class="form-check form-switch" component="lvl/qa/routing">
		<input class="form-check-input" type="checkbox" role="switch" id="lvl-qa-paused" {{{ if routing.paused }}}checked{{{ end }}}>
		<label class="form-check-label" for="lvl-qa-paused">{{tx("lvl:qa.pause-routing")}}</label>
		<div class="form-text">{{{ if routing.weekOne }}}{{tx("lvl:qa.routing-week-one")}}{{{ else }}}{{tx("lvl:qa.routing-week", routing.week)}}{{{ end }}}</div>
	</div>

	{{{ if showRequests }}}
	<section class="d-flex flex-column gap-2" component="lvl/qa/requests/received">
		<h2 class="fs-5 fw-semibold mb-0">{{tx("lvl:qa.requests.received")}}</h2>
		{{{ if requests.received.length }}}
		<ul class="list-group">
			{{{ each requests.received }}}
			<li class="list-group-item d-flex flex-column flex-md-row gap-2 justify-content-between align-items-md-center" data-request="{./id}" component="lvl/qa/request">
				<div class="d-flex gap-2 align-items-center">
					<a href="{config.relative_path}/user/{./user.userslug}" class="flex-shrink-0">{buildAvatar(./user, "32px", true)}</a>
					<div>
						<div class="small text-secondary">{{tx("lvl:qa.requests.asks-you", ./nameArg)}}</div>
						<a class="fw-semibold" href="{config.relative_path}/topic/{./slug}">{{./title}}</a>
					</div>
				</div>
				<div class="d-flex gap-2 flex-shrink-0">
					<button type="button" class="btn btn-primary btn-sm" data-answer="accept" component="lvl/qa/request/accept"><i class="fa fa-check" aria-hidden="true"></i> {{tx("lvl:qa.requests.accept")}}</button>
					<button type="button" class="btn btn-outline-secondary btn-sm" data-answer="decline" component="lvl/qa/request/decline">{{tx("lvl:qa.requests.decline")}}</button>
				</div>
			</li>
			{{{ end }}}
		</ul>
		{{{ else }}}
		<p class="text-secondary mb-0">{{tx("lvl:qa.requests.none-received")}}</p>
		{{{ end }}}
	</section>
	<section class="d-flex flex-column gap-2" component="lvl/qa/requests/sent">
		<h2 class="fs-5 fw-semibold mb-0">{{tx("lvl:qa.requests.sent", requests.sent.length, requests.limit)}}</h2>
		{{{ if requests.sent.length }}}
		<ul class="list-group">
			{{{ each requests.sent }}}
			<li class="list-group-item d-flex flex-column flex-md-row gap-2 justify-content-between align-items-md-center" data-request="{./id}">
				<div>
					<a class="fw-semibold" href="{config.relative_path}/topic/{./slug}">{{./title}}</a>
					<div class="small text-secondary">{{tx("lvl:qa.requests.asked", ./nameArg)}}</div>
				</div>
				<button type="button" class="btn btn-outline-secondary btn-sm flex-shrink-0" component="lvl/qa/request/withdraw">{{tx("lvl:qa.requests.withdraw")}}</button>
			</li>
			{{{ end }}}
		</ul>
		{{{ else }}}
		<p class="text-secondary mb-0">{{tx("lvl:qa.requests.none-sent")}}</p>
		{{{ end }}}
	</section>
	{{{ else }}}
	{{{ if topics.length }}}
	<div component="lvl/qa/topics">
		<!-- IMPORT partials/topics_list.tpl -->
	</div>
	{{{ else }}}
	<div class="card" component="lvl/qa/empty">
		<div class="card-body p-3">
			<p class="mb-0">{{tx(lvlKey("lvl:qa.empty.", list))}}</p>
		</div>
	</div>
	{{{ end }}}
	{{{ end }}}

	{{{ if (pagination.prev || pagination.next) }}}
	<nav class="d-flex justify-content-between align-items-center gap-2" aria-label="{{tx("lvl:pagination.label")}}" component="lvl/pagination">
		{{{ if pagination.prev }}}
		<a class="btn btn-outline-secondary" href="?list={list}&page={pagination.prev}" rel="prev"><i class="fa fa-fw fa-chevron-left" aria-hidden="true"></i> {{tx("lvl:pagination.previous")}}</a>
		{{{ else }}}
		<span></span>
		{{{ end }}}
		<span class="text-secondary small text-center">{{tx("lvl:pagination.page-of", pagination.page, pagination.pageCount)}}</span>
		{{{ if pagination.next }}}
		<a class="btn btn-outline-secondary" href="?list={list}&page={pagination.next}" rel="next">{{tx("lvl:pagination.next")}} <i class="fa fa-fw fa-chevron-right" aria-hidden="true"></i></a>
		{{{ else }}}
		<span></span>
		{{{ end }}}
	</nav>
	{{{ end }}}
</div>
