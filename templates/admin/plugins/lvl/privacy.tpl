<div class="acp-page-container lvl-privacy-admin" component="lvl/privacy">
	<div class="row border-bottom py-2 m-0 sticky-top acp-page-main-header align-items-center gap-1">
		<div class="col-12 col-md px-0">
			<h4 class="fw-bold tracking-tight mb-0">{{tx("lvl-privacy:title")}}</h4>
		</div>
		<div class="col-12 col-md-auto px-0">
			<button type="button" class="btn btn-sm btn-light" component="lvl/privacy/recheck"><i class="fa fa-rotate" aria-hidden="true"></i> {{tx("lvl-privacy:recheck")}}</button>
		</div>
	</div>

	<ul class="nav nav-tabs my-3 flex-nowrap overflow-auto text-nowrap">
		<li class="nav-item"><a class="nav-link active" aria-current="page" href="{config.relative_path}/admin/plugins/lvl/privacy">{{tx("lvl-privacy:tab")}}{{{ if !allOk }}} <span class="badge rounded-pill bg-danger">{failing}</span>{{{ end }}}</a></li>
		<li class="nav-item"><a class="nav-link" href="{config.relative_path}/admin/plugins/lvl">{{tx("lvl:admin.tab.general")}}</a></li>
	</ul>

	<p class="text-secondary">{{tx("lvl-privacy:intro")}}</p>
	{{{ if allOk }}}
	<div class="alert alert-success" component="lvl/privacy/all-ok">{{tx("lvl-privacy:all-ok")}}</div>
	{{{ else }}}
	<div class="alert alert-danger" component="lvl/privacy/failing">{{tx("lvl-privacy:failing", failing)}}</div>
	{{{ end }}}

	<div class="d-flex flex-column gap-3 mb-4">
		{{{ each checks }}}
		<div class="card {{{ if ./ok }}}border-success-subtle{{{ else }}}border-danger{{{ end }}}" component="lvl/privacy/check" data-check="{./id}" data-ok="{{{ if ./ok }}}1{{{ else }}}0{{{ end }}}">
			<div class="card-body">
				<h5 class="card-title fs-6 fw-bold d-flex gap-2 align-items-start mb-2">
					{{{ if ./ok }}}<i class="fa fa-circle-check text-success mt-1" aria-hidden="true"></i><span class="visually-hidden">{{tx("lvl-privacy:ok")}}</span>{{{ else }}}<i class="fa fa-circle-exclamation text-danger mt-1" aria-hidden="true"></i><span class="visually-hidden">{{tx("lvl-privacy:fails")}}</span>{{{ end }}}
					<span>{{tx(./titleKey)}}</span>
				</h5>
				<p class="card-text small mb-2">{{tx(./stateKey)}}</p>
				{{{ if ./hasDetails }}}
				<ul class="small text-secondary mb-2" component="lvl/privacy/details">
					{{{ each ./details }}}<li>{{@value}}</li>{{{ end }}}
				</ul>
				{{{ end }}}
				{{{ if !./ok }}}
				<div class="d-flex flex-wrap gap-2">
					{{{ each ./fixes }}}
					<button type="button" class="btn btn-sm {{{ if ./primary }}}btn-primary{{{ else }}}btn-outline-secondary{{{ end }}}" component="lvl/privacy/fix" data-check="{./check}" data-fix="{./fix}">{{tx(lvlKey("lvl-privacy:fix.", ./fix))}}</button>
					{{{ end }}}
				</div>
				{{{ end }}}
			</div>
		</div>
		{{{ end }}}
	</div>
</div>
