<div class="lvl lvl-members-only d-flex flex-column gap-3 mx-auto" style="max-width: 960px;">
	<h1 class="fs-3 fw-semibold mb-0">{{tx("lvl:platform.name")}}</h1>
	<!-- IMPORT partials/lvl/how-to-join.tpl -->
</div>
