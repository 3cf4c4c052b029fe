// The public page's only script (CONS66): progressive enhancement, a few hundred bytes. Every 30 s
// it asks `/c/:slug/live.json?ids=…` for the counts of the contributions on the page and rewrites
// the numbers in place; the page is complete without it. Served from our own origin (CSP 'self').

export const LIVE_INTERVAL_MS = 30_000;

export const LIVE_SCRIPT = `(function(){
var main=document.querySelector('main[data-slug]');if(!main||!window.fetch)return;
var slug=main.getAttribute('data-slug');
function tick(){
var cards=document.querySelectorAll('article[data-id]');if(!cards.length)return;
var ids=[];for(var i=0;i<cards.length;i++)ids.push(cards[i].getAttribute('data-id'));
fetch('/c/'+encodeURIComponent(slug)+'/live.json?lang='+document.documentElement.lang+'&ids='+ids.join(','),{headers:{accept:'application/json'}})
.then(function(r){return r.ok?r.json():null}).then(function(body){
if(!body)return;for(var j=0;j<body.items.length;j++){var it=body.items[j];
var card=document.querySelector('article[data-id="'+it.id+'"]');if(!card)continue;
var s=card.querySelector('[data-count="supports"]'),c=card.querySelector('[data-count="comments"]');
if(s&&s.textContent!==it.supportsText)s.textContent=it.supportsText;if(c&&c.textContent!==it.commentsText)c.textContent=it.commentsText;}
}).catch(function(){});}
setInterval(tick,${LIVE_INTERVAL_MS});
})();
`;
