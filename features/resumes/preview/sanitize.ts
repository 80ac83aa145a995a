import sanitizeHtml from 'sanitize-html';

// A DOCX resume is converted to HTML on the server (mammoth) and shown in a frame with no scripts; this is
// the second wall: whatever the conversion lets through (a candidate controls every byte of the file),
// only text structure and inline raster images survive. Nothing in the result can run or load anything.

const INLINE_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|bmp);base64,[A-Za-z0-9+/=\s]+$/i;
const VISIBLE_LINK = /^(?:https?:|mailto:)/i;

const TAGS = [
  ...['p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code'],
  ...['strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'span'],
  ...['ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img'],
];

export function sanitizeResumeHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: {
      img: ['src', 'alt'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      span: ['data-href'],
    },
    // Only images carry a URL, and only an inline one (checked again, by type, below).
    allowedSchemes: [],
    allowedSchemesByTag: { img: ['data'] },
    allowedSchemesAppliedToAttributes: ['src', 'href', 'cite', 'srcset', 'poster', 'action', 'formaction'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Dropped with their content, not only their tags.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'iframe', 'object'],
    // A link would navigate the frame to another site when clicked: it becomes text, with its address shown
    // by the stylesheet (CSS `attr()`, which loads nothing).
    transformTags: {
      a: (_tag, { href }): sanitizeHtml.Tag => ({
        tagName: 'span',
        attribs: href && VISIBLE_LINK.test(href) ? { 'data-href': href } : {},
      }),
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !INLINE_IMAGE.test(frame.attribs.src ?? ''),
  });
}
