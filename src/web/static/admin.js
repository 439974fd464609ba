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

  /** Plain text with blank lines → paragraphs, as the server does, so Trix shows the same thing. */
  function toHtml(text) {
    if (!text.trim() || looksLikeHtml(text)) {
      return text;
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
