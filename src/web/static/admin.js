/*
 * congxa admin: progressive enhancement of the rich-text fields. Loaded with `defer` after Trix on editor pages
 * (no inline script: the CSP allows scripts from this origin only).
 *
 * Without JavaScript a form has <textarea name="body" data-rich-text>. Here it is replaced by a <trix-editor> bound
 * to a hidden input that takes over the name "body"; the textarea is kept (hidden, disabled) for its label.
 *
 * Images dropped or attached in Trix are uploaded to the form's data-upload-url (multipart: file, alt, _csrf;
 * CSRF token also in the x-csrf-token header). The server answers {url, mediaId, alt}.
 *
 * Alt text: we ask for it once per image with a prompt when the image is added (a short description for people who
 * cannot see it). If the prompt is left empty, the server uses the caption typed under the image in Trix as the alt
 * text when the article is saved (html-sanitize.ts). The caption becomes the <figcaption>.
 */
(function () {
  'use strict';

  function onReady(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  function looksLikeHtml(text) {
    return /<\/?(p|div|br|h[1-6]|ul|ol|li|figure|table|blockquote)\b/i.test(text);
  }

  function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  /**
   * Stored HTML → what Trix reads back without losing anything:
   * - <figure><img alt><figcaption> becomes Trix's attachment markup (url, size and alt in data-trix-attachment, the
   *   caption in data-trix-attributes), the form the server reads when the article is saved again; otherwise Trix
   *   keeps the image but drops its alt text and turns the caption into a line of body text;
   * - <p> becomes <div> (Trix reads a paragraph's margin as an extra blank line before it).
   * Parsed in an inert <template>: nothing loads, nothing runs.
   */
  function forTrix(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var root = template.content;
    var figures = root.querySelectorAll('figure:not([data-trix-attachment])');
    for (var i = 0; i < figures.length; i++) {
      var figure = figures[i];
      var img = figure.querySelector('img');
      if (!img) {
        continue;
      }
      var attachment = {
        contentType: imageTypeOf(img.getAttribute('src') || ''),
        url: img.getAttribute('src') || '',
        alt: img.getAttribute('alt') || '',
      };
      var width = parseInt(img.getAttribute('width') || '', 10);
      var height = parseInt(img.getAttribute('height') || '', 10);
      if (width > 0 && height > 0) {
        attachment.width = width;
        attachment.height = height;
      }
      var caption = figure.querySelector('figcaption');
      var attributes = { presentation: 'gallery' };
      if (caption && caption.textContent.trim()) {
        attributes.caption = caption.textContent.trim();
      }
      figure.setAttribute('data-trix-attachment', JSON.stringify(attachment));
      figure.setAttribute('data-trix-attributes', JSON.stringify(attributes));
      figure.textContent = '';
    }
    var paragraphs = root.querySelectorAll('p');
    for (var j = 0; j < paragraphs.length; j++) {
      var p = paragraphs[j];
      var div = document.createElement('div');
      while (p.firstChild) {
        div.appendChild(p.firstChild);
      }
      p.parentNode.replaceChild(div, p);
    }
    return template.innerHTML;
  }

  /** The image type from a stored file name (the server names media files by the type read from their bytes). */
  function imageTypeOf(src) {
    var ext = (/\.([a-z0-9]+)(?:[?#]|$)/i.exec(src) || [])[1];
    var types = {
      jpg: 'image/jpeg',
      jpeg: 'image/jpeg',
      png: 'image/png',
      gif: 'image/gif',
      webp: 'image/webp',
    };
    return (ext && types[ext.toLowerCase()]) || 'image';
  }

  /** Trix draws images without alt text: give each the alt stored with its attachment (or mark it decorative). */
  function labelImages(editor) {
    var images = editor.querySelectorAll('figure[data-trix-attachment] img:not([alt])');
    for (var i = 0; i < images.length; i++) {
      var alt = '';
      try {
        alt = JSON.parse(images[i].closest('figure').getAttribute('data-trix-attachment')).alt || '';
      } catch (_) {
        alt = '';
      }
      images[i].setAttribute('alt', alt);
    }
  }

  /** Plain text with blank lines → paragraphs, as the server does, so Trix shows the same thing. */
  function toHtml(text) {
    if (!text.trim()) {
      return text;
    }
    if (looksLikeHtml(text)) {
      return forTrix(text);
    }
    return text
      .split(/\n[ \t]*\n/)
      .map(function (p) {
        return p.trim();
      })
      .filter(Boolean)
      .map(function (p) {
        return '<p>' + escapeHtml(p).replace(/\n/g, '<br>') + '</p>';
      })
      .join('');
  }

  function csrfToken(form) {
    var input = form.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  function upload(form, attachment, status) {
    var file = attachment.file;
    var alt =
      window.prompt(
        'Mô tả ngắn nội dung ảnh "' + file.name + '" (văn bản thay thế cho người không xem được ảnh):',
        '',
      ) || '';
    var data = new FormData();
    data.append('_csrf', csrfToken(form));
    data.append('alt', alt);
    data.append('file', file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('data-upload-url'), true);
    xhr.setRequestHeader('x-csrf-token', csrfToken(form));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        attachment.setUploadProgress((e.loaded / e.total) * 100);
      }
    });
    xhr.addEventListener('load', function () {
      var body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (_) {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && body.url) {
        attachment.setAttributes({ url: body.url, mediaId: body.mediaId, alt: body.alt || '' });
        setStatus(status, 'Đã tải ảnh lên. Nhập chú thích dưới ảnh nếu cần.', false);
      } else {
        attachment.remove();
        setStatus(status, (body && body.message) || 'Không tải được ảnh lên (mã ' + xhr.status + ').', true);
      }
    });
    xhr.addEventListener('error', function () {
      attachment.remove();
      setStatus(status, 'Không tải được ảnh lên: mất kết nối.', true);
    });
    xhr.send(data);
  }

  function setStatus(el, text, isError) {
    el.textContent = text;
    el.className = isError ? 'editor-status editor-status--error' : 'editor-status';
  }

  function enhance(textarea) {
    var form = textarea.form;
    if (!form || !window.Trix) {
      return;
    }
    var id = textarea.id + '-rich';
    var hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.id = id;
    hidden.name = textarea.name;
    hidden.value = toHtml(textarea.value);

    var editor = document.createElement('trix-editor');
    editor.setAttribute('input', id);
    var label = document.getElementById(textarea.id + '-label');
    if (label) {
      editor.setAttribute('aria-labelledby', label.id);
      label.removeAttribute('for');
    }
    var describedBy = textarea.getAttribute('aria-describedby');
    if (describedBy) {
      editor.setAttribute('aria-describedby', describedBy);
    }

    var status = document.createElement('p');
    status.className = 'editor-status';
    status.setAttribute('role', 'status');

    textarea.removeAttribute('name');
    textarea.disabled = true;
    textarea.hidden = true;
    textarea.parentNode.insertBefore(hidden, textarea);
    textarea.parentNode.insertBefore(editor, textarea);
    textarea.parentNode.insertBefore(status, textarea);

    // The "no editor" hint gives way to the editor's own (or to nothing).
    var hint = document.getElementById(textarea.id + '-hint');
    if (hint && hint.hasAttribute('data-editor-hint')) {
      var editorHint = hint.getAttribute('data-editor-hint');
      if (editorHint) {
        hint.textContent = editorHint;
      } else {
        hint.hidden = true;
        var ids = (editor.getAttribute('aria-describedby') || '').split(' ').filter(function (x) {
          return x && x !== hint.id;
        });
        if (ids.length) {
          editor.setAttribute('aria-describedby', ids.join(' '));
        } else {
          editor.removeAttribute('aria-describedby');
        }
      }
    }

    new MutationObserver(function () {
      labelImages(editor);
    }).observe(editor, { childList: true, subtree: true });

    editor.addEventListener('trix-file-accept', function (e) {
      if (!/^image\/(jpeg|png|gif|webp)$/.test(e.file.type)) {
        e.preventDefault();
        setStatus(status, 'Chỉ chèn được ảnh JPEG, PNG, GIF hoặc WebP.', true);
      }
    });
    editor.addEventListener('trix-attachment-add', function (e) {
      if (e.attachment.file) {
        upload(form, e.attachment, status);
      }
    });
  }

  /** Trix's own words (toolbar button names, placeholders) in Vietnamese; read when each editor is built. */
  var TRIX_LANG_VI = {
    attachFiles: 'Chèn ảnh',
    bold: 'Chữ đậm',
    bullets: 'Danh sách chấm',
    byte: 'byte',
    bytes: 'byte',
    captionPlaceholder: 'Nhập chú thích ảnh…',
    code: 'Mã',
    heading1: 'Tiêu đề mục',
    indent: 'Tăng mức',
    italic: 'Chữ nghiêng',
    link: 'Liên kết',
    numbers: 'Danh sách số',
    outdent: 'Giảm mức',
    quote: 'Trích dẫn',
    redo: 'Làm lại',
    remove: 'Xóa',
    strike: 'Gạch ngang',
    undo: 'Hoàn tác',
    unlink: 'Bỏ liên kết',
    url: 'Địa chỉ',
    urlPlaceholder: 'Nhập địa chỉ liên kết…',
  };

  onReady(function () {
    if (window.Trix && window.Trix.config && window.Trix.config.lang) {
      Object.assign(window.Trix.config.lang, TRIX_LANG_VI);
    }
    // Trix writes <div> blocks with <br> line breaks; the server turns them into <p> paragraphs (a blank line, i.e.
    // Enter twice, starts a new paragraph, as in the plain textarea) and lifts images out into <figure>s.
    var fields = document.querySelectorAll('textarea[data-rich-text]');
    for (var i = 0; i < fields.length; i++) {
      enhance(fields[i]);
    }
    var summary = document.querySelector('.error-summary');
    if (summary) {
      summary.focus();
    }
  });
})();
