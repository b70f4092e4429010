<li class="card" component="lvl/member" data-uid="{./uid}">
	<div class="card-body d-flex flex-column gap-2 p-3">
		<div class="d-flex gap-3 align-items-start">
			<a class="flex-shrink-0 text-decoration-none" href="{config.relative_path}/user/{./userslug}" tabindex="-1" aria-hidden="true">
				{{{ if ./picture }}}<img class="avatar avatar-rounded" src="{./picture}" alt="" loading="lazy" onerror="this.remove()" style="--avatar-size: 48px;">{{{ end }}}<span class="avatar avatar-rounded" style="--avatar-size: 48px; background-color: {./iconBg};">{./iconText}</span>
			</a>
			<div class="d-flex flex-column gap-1 flex-grow-1" style="min-width: 0;">
				<h3 class="fs-6 fw-semibold mb-0 text-break">
					<a class="text-reset" href="{config.relative_path}/user/{./userslug}">{{./displayname}}</a>
				</h3>
				{{{ if ./profession }}}
				<div class="text-secondary small text-break"><i class="fa fa-fw fa-briefcase" aria-hidden="true"></i> {{./profession}}</div>
				{{{ end }}}
			</div>
			{{{ if !./namesOnly }}}
			<span class="badge rounded-pill flex-shrink-0 {{{ if (./availability == "available") }}}text-bg-success{{{ end }}}{{{ if (./availability == "limited") }}}text-bg-warning{{{ end }}}{{{ if (./availability == "not-now") }}}text-bg-secondary{{{ end }}}">{{tx(lvlKey("lvl:availability.", ./availability))}}</span>
			{{{ end }}}
		</div>
		{{{ if ./namesOnly }}}
		<div class="d-flex flex-wrap gap-1" component="lvl/member/domains">
			{{{ each ./domains }}}
			<span class="badge rounded-pill border text-body fw-normal">{{./label}}</span>
			{{{ end }}}
		</div>
		{{{ end }}}
		{{{ if (./full || ./awayUntil) }}}
		<div class="d-flex flex-wrap gap-1" component="lvl/member/promise">
			{{{ if ./awayUntil }}}<span class="badge rounded-pill text-bg-secondary" component="lvl/member/away"><i class="fa fa-plane" aria-hidden="true"></i> {{tx("lvl-promise:directory.away", ./awayUntil)}}</span>{{{ end }}}
			{{{ if ./full }}}<span class="badge rounded-pill text-bg-warning" component="lvl/member/full">{{tx("lvl-promise:directory.full")}}</span>{{{ end }}}
		</div>
		{{{ end }}}

		{{{ if ./matched.length }}}
		<ul class="list-unstyled d-flex flex-column gap-2 mb-0">
			{{{ each ./matched }}}
			<li class="d-flex flex-wrap align-items-center gap-1">
				<a class="fw-semibold me-1 text-break" href="{config.relative_path}/wie-weet-wat/{./key}">{{./label}}</a>
				<span class="badge {{{ if (./level == "expert") }}}text-bg-primary{{{ end }}}{{{ if (./level == "experienced") }}}text-bg-info{{{ end }}}{{{ if (./level == "basic") }}}text-bg-light border{{{ end }}}">{{tx(lvlKey("lvl:level.", ./level))}}</span>
				{{{ each ./roles }}}
				<span class="badge rounded-pill border text-body fw-normal">{{tx(lvlKey("lvl:role.", @value))}}</span>
				{{{ end }}}
			</li>
			{{{ end }}}
		</ul>
		{{{ end }}}

		{{{ if (./languages.length || ./region) }}}
		<div class="d-flex flex-wrap gap-3 small text-secondary">
			{{{ if ./languages.length }}}
			<span><i class="fa fa-fw fa-language" aria-hidden="true"></i><span class="visually-hidden">{{tx("lvl:member.languages")}}</span> {{{ each ./languages }}}{{tx(lvlKey("lvl:language.", @value))}}{{{ if !@last }}}, {{{ end }}}{{{ end }}}</span>
			{{{ end }}}
			{{{ if ./region }}}
			<span><i class="fa fa-fw fa-location-dot" aria-hidden="true"></i><span class="visually-hidden">{{tx("lvl:member.region")}}</span> {{tx(lvlKey("lvl:region.", ./region))}}</span>
			{{{ end }}}
		</div>
		{{{ end }}}

		<div class="d-grid d-sm-flex gap-2 mt-1">
			<a class="btn btn-outline-secondary" href="{config.relative_path}/user/{./userslug}/competenties"><i class="fa fa-fw fa-user" aria-hidden="true"></i> {{tx("lvl:member.view-profile")}}</a>
			<a class="btn btn-primary" href="{config.relative_path}/user/{./userslug}" role="button" component="lvl/chat" data-uid="{./uid}"><i class="fa fa-fw fa-comment" aria-hidden="true"></i> {{tx("lvl:member.send-message")}}</a>
			{{{ if !./namesOnly }}}
			<button type="button" class="btn btn-outline-primary" component="lvl/ask" data-uid="{./uid}"><i class="fa fa-fw fa-circle-question" aria-hidden="true"></i> {{tx("lvl:qa.ask.button")}}</button>
			{{{ end }}}
		</div>
	</div>
</li>
