<div class="lvl lvl-charter-step d-flex flex-column gap-3" component="lvl/charter-step">
	<div>
		<h2 class="fs-5 fw-semibold mb-1">{{tx("lvl-engagement:step.title")}}</h2>
		{{{ if renewed }}}
		<p class="mb-0 text-secondary">{{tx("lvl-engagement:step.renewed", version)}}</p>
		{{{ else }}}
		<p class="mb-0 text-secondary">{{tx("lvl-engagement:step.intro")}}</p>
		{{{ end }}}
	</div>
	<div class="border rounded p-3 overflow-auto bg-body-tertiary" style="max-height: 22rem;" tabindex="0">
		<!-- IMPORT partials/lvl/charter-articles.tpl -->
	</div>
	<input type="hidden" name="lvlCharterVersion" value="{version}">
	<div class="form-check">
		<input class="form-check-input" type="checkbox" name="lvlCharterAccept" id="lvl-charter-accept" value="on">
		<label class="form-check-label fw-semibold" for="lvl-charter-accept">{{tx("lvl-engagement:step.accept", version)}}</label>
	</div>
</div>
