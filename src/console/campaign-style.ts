// The campaign pages' few extra styles, served as /console/assets/campaigns.css (the shared console.css stays as
// it is): the unit tree picker, the message slots and their preview bubbles, and the facts list of a campaign.
export const campaignStyle = `
.unit-tree, .unit-tree ul { list-style:none; margin:0; padding-left:1.25rem; }
.unit-tree { padding-left:0; }
.unit-tree li { margin:.2rem 0; }
.unit-tree li > label.check { display:inline-flex; }
.unit-tree button.link { margin-left:.5rem; font-size:.88rem; }
.unit-tree ul { max-height:22rem; overflow-y:auto; border-left:2px solid var(--line); margin:.25rem 0 .25rem .4rem; }
fieldset { border:1px solid var(--line); border-radius:8px; padding:.6rem .8rem; margin:0; min-width:0; }
legend { font-weight:600; padding:0 .3rem; }
.choices { display:flex; flex-wrap:wrap; gap:.3rem 1.2rem; }
.pair { display:grid; gap:.75rem; grid-template-columns:repeat(auto-fit, minmax(180px, 1fr)); }
.message-slot { display:grid; gap:.35rem; padding:.5rem 0 .75rem; border-bottom:1px solid var(--line); }
.message-slot:last-of-type { border-bottom:0; }
.article-picker p { margin:.2rem 0; }
.article-choices { list-style:none; padding-left:0; margin:.2rem 0; }
.article-choices li { margin:.15rem 0; }
.bubble { background:#eef4ff; border-radius:12px; padding:.6rem .8rem; margin:.4rem 0; max-width:34rem; }
.bubble .option { display:block; margin-top:.4rem; text-align:center; border:1px solid var(--accent);
  color:var(--accent); background:#fff; border-radius:6px; padding:.3rem .5rem; font-size:.9rem; }
.channel-preview h3 { margin-top:.2rem; }
dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:.3rem 1rem; margin:0; }
dl.facts dt { color:var(--muted); }
dl.facts dd { margin:0; }
form.stack input, form.stack textarea, form.stack select, form.stack .muted,
form.filters input, form.filters select { font-weight:400; }
@media (max-width: 640px) {
  fieldset { padding:.5rem; }
  form.stack.card { padding:.7rem; }
  dl.facts { grid-template-columns:1fr; }
  dl.facts dd { margin-bottom:.4rem; }
}
`;
