<ol class="list-unstyled d-flex flex-column gap-3 mb-0" component="lvl/charter/articles">
	{{{ each articles }}}
	<li id="lvl-{./id}" class="lvl-article" data-article="{./id}">
		<h3 class="fs-6 fw-semibold mb-1">{{tx("lvl-engagement:charter.article", ./number)}} · {{./title}}</h3>
		{{{ each ./blocks }}}
		{{{ if ./p }}}<p class="mb-2">{{{ each ./items }}}{{./text}}<br>{{{ end }}}</p>{{{ end }}}
		{{{ if ./ul }}}<ul class="mb-2">{{{ each ./items }}}<li>{{./text}}</li>{{{ end }}}</ul>{{{ end }}}
		{{{ if ./ol }}}<ol class="mb-2">{{{ each ./items }}}<li>{{./text}}</li>{{{ end }}}</ol>{{{ end }}}
		{{{ end }}}
	</li>
	{{{ end }}}
</ol>
