<div class="card border-warning" component="lvl/how-to-join">
	<div class="card-body d-flex flex-column gap-2">
		<h2 class="fs-5 fw-semibold mb-0"><i class="fa fa-lock text-warning"></i> {{tx("lvl:members-only.title")}}</h2>
		<p class="mb-0">{{tx("lvl:members-only.explain")}}</p>
		<ol class="mb-0 ps-3 d-flex flex-column gap-1">
			<li>{{tx("lvl:members-only.step-account")}}</li>
			<li>{{tx("lvl:members-only.step-verify")}}</li>
			<li>{{tx("lvl:members-only.step-wait")}}</li>
		</ol>
		{{{ if revoked }}}
		<div class="alert alert-warning mb-0">{{tx("lvl:verify.revoked")}}</div>
		{{{ end }}}
		{{{ if pendingRequest }}}
		<div class="alert alert-info mb-0" component="lvl/pending">{{tx("lvl:verify.pending")}}</div>
		{{{ else }}}
		{{{ if loggedIn }}}
		<form method="post" action="{config.relative_path}/leden-voor-leden/verify" class="m-0">
			<input type="hidden" name="_csrf" value="{config.csrf_token}" />
			<button type="submit" class="btn btn-primary" component="lvl/verify-now">{{tx("lvl:verify.now")}}</button>
		</form>
		{{{ end }}}
		{{{ end }}}
		{{{ if !loggedIn }}}
		<div class="d-flex flex-wrap gap-2 mt-1">
			<a class="btn btn-primary" href="{config.relative_path}/login">{{tx("global:login")}}</a>
			<a class="btn btn-outline-secondary" href="{config.relative_path}/register">{{tx("global:register")}}</a>
		</div>
		{{{ end }}}
	</div>
</div>
