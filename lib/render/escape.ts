// Text written into HTML built as a string (mails, a list of options made once): the five
// characters that could end a text or an attribute, escaped.
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
