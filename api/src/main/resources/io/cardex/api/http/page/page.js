// The search page of cardex: asks this API's /search, /suggest and /cards and shows the answers.
//
// A card is written by anyone who can commit to a card repository, so nothing of a card ever
// reaches the page as markup: every text goes in through text nodes (textContent,
// createTextNode), every element is made with createElement, and a link only gets an href once it
// parsed as an http(s) URL. The API serves this file under a Content-Security-Policy that runs no
// inline script either. No sink that parses text as HTML is used in this file;
// SearchPageTest checks that it stays so.
'use strict';

(() => {
  /** The filters whose counts the page shows, with the title of each. */
  const FACETS = [
    ['kind', 'Kind'],
    ['module_type', 'Task'],
    ['dataset', 'Dataset'],
    ['version', 'MindSpore version'],
    ['file_format', 'File format'],
    ['asset_status', 'Asset check'],
  ];
  const SORTS = ['relevance', 'updated', 'name', 'metric:acc'];
  const DEFAULT_SIZE = 10;
  /** The API skips at most this many cards with from=... */
  const MAX_FROM = 9900;
  const SUGGEST_DELAY_MS = 120;

  const $ = (id) => document.getElementById(id);

  // ---- Elements, made without ever parsing HTML ----

  /** An element with attributes and children; a string child becomes a text node. */
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null && value !== false) {
        element.setAttribute(name, value === true ? '' : String(value));
      }
    }
    append(element, children);
    return element;
  }

  function append(parent, children) {
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) {
        continue;
      }
      parent.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
    return parent;
  }

  /** The URL if it is an absolute http(s) URL, else null: nothing else ever becomes a link. */
  function safeUrl(text) {
    try {
      const url = new URL(String(text).trim());
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /** A link to another site when the URL is http(s); the text alone otherwise. */
  function outsideLink(url, ...children) {
    const href = safeUrl(url);
    if (!href) {
      return append(el('span'), children.length ? children : [String(url)]);
    }
    return el('a', { href, rel: 'noopener noreferrer' }, children.length ? children : [href]);
  }

  // ---- Highlights: "<em>" and "</em>" around the words, the rest HTML-escaped by Elasticsearch ----

  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

  function unescapeEntities(text) {
    return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (entity, name) => {
      if (name[0] !== '#') {
        return ENTITIES[name];
      }
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
  }

  /** A passage as text with the words found in <mark>: the tags are read, never parsed as HTML. */
  function highlighted(passage) {
    const fragment = document.createDocumentFragment();
    let marked = false;
    for (const part of String(passage).split(/(<em>|<\/em>)/)) {
      if (part === '<em>') {
        marked = true;
      } else if (part === '</em>') {
        marked = false;
      } else if (part) {
        const text = unescapeEntities(part);
        fragment.appendChild(marked ? el('mark', null, text) : document.createTextNode(text));
      }
    }
    return fragment;
  }

  // ---- Markdown, rendered into elements ----

  const Markdown = (() => {
    /** Deeper quotes and lists are shown as their text: a hostile card cannot exhaust the stack. */
    const MAX_DEPTH = 12;
    /** How far a closing mark is looked for: a card of unclosed marks stays linear to render. */
    const LOOKAHEAD = 2000;
    const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?: +|$)(.*)$/;
    const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
    const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
    const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
    const QUOTE = /^ {0,3}> ?(.*)$/;
    const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
    const TABLE_RULE = /^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$/;
    const ESCAPABLE = '\\`*_{}[]()#+-.!|<>~"\'';

    const blank = (line) => /^\s*$/.test(line);
    const indentOf = (line) => line.match(/^ */)[0].length;

    function startsBlock(line) {
      return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || LIST_ITEM.test(line);
    }

    /** The Markdown as a fragment of elements: headings start at h{topLevel}. */
    function render(text, topLevel) {
      const fragment = document.createDocumentFragment();
      const lines = String(text || '').replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
      blocks(lines, fragment, 0, topLevel || 3);
      return fragment;
    }

    function blocks(lines, parent, depth, topLevel) {
      if (depth > MAX_DEPTH) {
        parent.appendChild(el('p', null, lines.join('\n')));
        return;
      }
      let i = 0;
      while (i < lines.length) {
        const line = lines[i];
        let m;
        if (blank(line)) {
          i++;
        } else if ((m = FENCE.exec(line))) {
          const close = new RegExp('^ {0,3}' + (m[1][0] === '`' ? '`' : '~') + '{' + m[1].length + ',}[ \\t]*$');
          const code = [];
          for (i++; i < lines.length && !close.test(lines[i]); i++) {
            code.push(lines[i]);
          }
          i++;
          parent.appendChild(el('pre', null, el('code', null, code.join('\n'))));
        } else if ((m = HEADING.exec(line))) {
          // A card's body starts at "##" below its title: "#" and "##" are both the top level.
          const level = Math.min(6, topLevel + Math.max(0, m[1].length - 2));
          parent.appendChild(inline(m[2] || '', el('h' + level), depth));
          i++;
        } else if (RULE.test(line)) {
          parent.appendChild(el('hr'));
          i++;
        } else if (QUOTE.test(line)) {
          const quoted = [];
          for (; i < lines.length && (m = QUOTE.exec(lines[i])); i++) {
            quoted.push(m[1]);
          }
          const quote = el('blockquote');
          blocks(quoted, quote, depth + 1, topLevel);
          parent.appendChild(quote);
        } else if (LIST_ITEM.test(line)) {
          i = list(lines, i, parent, depth, topLevel);
        } else if (line.includes('|') && i + 1 < lines.length && lines[i + 1].includes('-')
            && TABLE_RULE.test(lines[i + 1])) {
          i = table(lines, i, parent, depth);
        } else if (indentOf(line) >= 4) {
          const code = [];
          for (; i < lines.length && (blank(lines[i]) || indentOf(lines[i]) >= 4); i++) {
            code.push(lines[i].slice(4));
          }
          while (code.length && blank(code[code.length - 1])) {
            code.pop();
          }
          parent.appendChild(el('pre', null, el('code', null, code.join('\n'))));
        } else {
          const paragraph = [line.trim()];
          for (i++; i < lines.length && !blank(lines[i]) && !startsBlock(lines[i]); i++) {
            paragraph.push(lines[i].trim());
          }
          if (i < lines.length && paragraph.length && SETEXT.test(lines[i]) && !blank(lines[i])) {
            // "Title" over "=====" or "-----" is a heading; a list item or rule ended the paragraph otherwise.
            const level = Math.min(6, topLevel + (lines[i].trim()[0] === '=' ? 0 : 1));
            parent.appendChild(inline(paragraph.join('\n'), el('h' + level), depth));
            i++;
          } else {
            parent.appendChild(inline(paragraph.join('\n'), el('p'), depth));
          }
        }
      }
    }

    function list(lines, i, parent, depth, topLevel) {
      const first = LIST_ITEM.exec(lines[i]);
      const ordered = /\d/.test(first[2]);
      const items = el(ordered ? 'ol' : 'ul');
      if (ordered && parseInt(first[2], 10) !== 1) {
        items.setAttribute('start', String(parseInt(first[2], 10)));
      }
      let m;
      while (i < lines.length && (m = LIST_ITEM.exec(lines[i])) && /\d/.test(m[2]) === ordered) {
        const contentIndent = m[1].length + m[2].length + 1;
        const content = [m[3]];
        for (i++; i < lines.length; i++) {
          const next = lines[i];
          if (blank(next)) {
            let j = i + 1;
            while (j < lines.length && blank(lines[j])) {
              j++;
            }
            if (j < lines.length && indentOf(lines[j]) >= contentIndent) {
              content.push('');
              continue;
            }
            break;
          }
          if (indentOf(next) >= contentIndent) {
            content.push(next.slice(contentIndent));
          } else if (LIST_ITEM.test(next) || startsBlock(next)) {
            break;
          } else {
            content.push(next.trim());
          }
        }
        const item = el('li');
        blocks(content, item, depth + 1, topLevel);
        // A tight item holds its text, not a paragraph of it.
        if (item.firstChild && item.firstChild.nodeName === 'P') {
          const paragraph = item.firstChild;
          while (paragraph.firstChild) {
            item.insertBefore(paragraph.firstChild, paragraph);
          }
          item.removeChild(paragraph);
        }
        items.appendChild(item);
        let j = i;
        while (j < lines.length && blank(lines[j])) {
          j++;
        }
        if (j < lines.length && LIST_ITEM.test(lines[j])) {
          i = j;
        }
      }
      parent.appendChild(items);
      return i;
    }

    function cells(line) {
      let row = line.trim();
      if (row.startsWith('|')) {
        row = row.slice(1);
      }
      if (row.endsWith('|') && !row.endsWith('\\|')) {
        row = row.slice(0, -1);
      }
      return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
    }

    function table(lines, i, parent, depth) {
      const head = cells(lines[i]);
      const alignments = cells(lines[i + 1]).map((rule) =>
        rule.startsWith(':') && rule.endsWith(':') ? 'center' : rule.endsWith(':') ? 'right' : null);
      const alignment = (column) => alignments[column] ? 'align-' + alignments[column] : null;
      const headRow = el('tr');
      head.forEach((cell, column) => headRow.appendChild(inline(cell, el('th', { scope: 'col', class: alignment(column) }), depth)));
      const body = el('tbody');
      for (i += 2; i < lines.length && !blank(lines[i]) && lines[i].includes('|'); i++) {
        const row = el('tr');
        const values = cells(lines[i]);
        head.forEach((unused, column) => row.appendChild(inline(values[column] || '', el('td', { class: alignment(column) }), depth)));
        body.appendChild(row);
      }
      parent.appendChild(el('div', { class: 'table' }, el('table', null, el('thead', null, headRow), body)));
      return i;
    }

    /** The link starting at text[start] ("[label](url)"): its parts and end, or null. */
    function linkAt(text, start) {
      let depth = 0;
      let close = -1;
      const limit = Math.min(text.length, start + LOOKAHEAD);
      for (let j = start; j < limit; j++) {
        const c = text[j];
        if (c === '\\') {
          j++;
        } else if (c === '[') {
          depth++;
        } else if (c === ']' && --depth === 0) {
          close = j;
          break;
        }
      }
      if (close < 0 || text[close + 1] !== '(') {
        return null;
      }
      const target = /^\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+("[^"]*"|'[^']*'))?\s*\)/
        .exec(text.slice(close + 1, close + 1 + LOOKAHEAD));
      if (!target) {
        return null;
      }
      const url = target[1].startsWith('<') ? target[1].slice(1, -1) : target[1];
      return { label: text.slice(start + 1, close), url, end: close + 1 + target[0].length };
    }

    /** The text of a paragraph, heading or cell, with its inline marks, appended to parent. */
    function inline(text, parent, depth) {
      let plain = '';
      const flush = () => {
        if (plain) {
          parent.appendChild(document.createTextNode(plain));
          plain = '';
        }
      };
      const add = (node) => {
        flush();
        parent.appendChild(node);
      };
      let i = 0;
      while (i < text.length) {
        const c = text[i];
        const rest = text.slice(i, i + LOOKAHEAD);
        let m;
        if (c === '\\' && i + 1 < text.length && ESCAPABLE.includes(text[i + 1])) {
          plain += text[i + 1];
          i += 2;
        } else if (c === '\\' && text[i + 1] === '\n') {
          add(el('br'));
          i += 2;
        } else if (c === '`') {
          const run = /^`+/.exec(rest)[0];
          const close = text.indexOf(run, i + run.length);
          if (close < 0 || close - i > LOOKAHEAD || text[close + run.length] === '`') {
            plain += run;
            i += run.length;
          } else {
            let code = text.slice(i + run.length, close).replace(/\n/g, ' ');
            if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) {
              code = code.slice(1, -1);
            }
            add(el('code', null, code));
            i = close + run.length;
          }
        } else if ((c === '[' || (c === '!' && text[i + 1] === '[')) && (m = linkAt(text, c === '!' ? i + 1 : i))) {
          const href = safeUrl(m.url);
          if (!href) {
            // Not an http(s) link (javascript:, data:, a relative path): shown as written.
            plain += text.slice(i, m.end);
          } else if (c === '!') {
            // Images would be fetched from elsewhere: a link to the image instead.
            add(el('a', { href, rel: 'noopener noreferrer', class: 'image-link' }, 'image: ' + (m.label || href)));
          } else {
            add(depth < MAX_DEPTH ? inline(m.label, el('a', { href, rel: 'noopener noreferrer' }), depth + 1)
              : el('a', { href, rel: 'noopener noreferrer' }, m.label));
          }
          i = m.end;
        } else if (c === '<' && (m = /^<(https?:\/\/[^\s<>]+)>/i.exec(rest)) && safeUrl(m[1])) {
          add(el('a', { href: safeUrl(m[1]), rel: 'noopener noreferrer' }, m[1]));
          i += m[0].length;
        } else if ((c === 'h' || c === 'H') && !/\w/.test(text[i - 1] || '') && (m = /^https?:\/\/[^\s<>"]+/i.exec(rest))) {
          let url = m[0].replace(/[.,;:!?'"]+$/, '');
          if (url.endsWith(')') && (url.match(/\(/g) || []).length < (url.match(/\)/g) || []).length) {
            url = url.slice(0, -1);
          }
          if (safeUrl(url)) {
            add(el('a', { href: safeUrl(url), rel: 'noopener noreferrer' }, url));
          } else {
            plain += url;
          }
          i += url.length;
        } else if ((c === '*' || c === '_' || c === '~') && (m = emphasisAt(text, i))) {
          const mark = el(m.tag);
          add(depth < MAX_DEPTH ? inline(m.inner, mark, depth + 1) : append(mark, [m.inner]));
          i = m.end;
        } else {
          plain += c;
          i++;
        }
      }
      flush();
      return parent;
    }

    /** The emphasis opened at text[i] (*em*, **strong**, _em_, __strong__, ~~struck~~): its parts, or null. */
    function emphasisAt(text, i) {
      const c = text[i];
      let run = 1;
      while (text[i + run] === c) {
        run++;
      }
      if (c === '~' && run !== 2) {
        return null;
      }
      const size = Math.min(run, 2);
      const before = text[i - 1] || ' ';
      const after = text[i + run] || ' ';
      if (/\s/.test(after) || (c === '_' && /[\p{L}\p{N}]/u.test(before))) {
        return null;
      }
      const marker = c.repeat(size);
      const from = i + size;
      const limit = Math.min(text.length, from + LOOKAHEAD);
      for (let close = text.indexOf(marker, from + 1); close >= 0 && close < limit; close = text.indexOf(marker, close + 1)) {
        const inner = text.slice(from, close);
        const next = text[close + size] || ' ';
        if (/\s/.test(text[close - 1]) || (c === '_' && /[\p{L}\p{N}]/u.test(next)) || (size === 1 && next === c && text[close - 1] !== c)) {
          continue;
        }
        return { tag: c === '~' ? 'del' : size === 2 ? 'strong' : 'em', inner, end: close + size };
      }
      return null;
    }

    return { render };
  })();

  // ---- What the page shows, and its address ----

  /** What the address says to show: a search (words, order, filters, page) or one card. */
  function readState() {
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const [name] of FACETS) {
      const values = params.getAll(name).filter(Boolean);
      if (values.length) {
        filters[name] = values;
      }
    }
    const sort = SORTS.includes(params.get('sort')) ? params.get('sort') : 'relevance';
    const size = Math.min(100, Math.max(1, parseInt(params.get('size'), 10) || DEFAULT_SIZE));
    const page = Math.max(1, parseInt(params.get('page'), 10) || 1);
    // The API's default, hybrid (words and meaning), or the words alone.
    const mode = params.get('mode') === 'text' ? 'text' : '';
    return { q: params.get('q') || '', sort, size, page, filters, mode, card: params.get('card') || '' };
  }

  /** The address of a state, as a query of this page: what a link or the back button brings back. */
  function addressOf(state) {
    const params = new URLSearchParams();
    if (state.q) {
      params.set('q', state.q);
    }
    if (state.sort !== 'relevance') {
      params.set('sort', state.sort);
    }
    if (state.mode) {
      params.set('mode', state.mode);
    }
    for (const [name, values] of Object.entries(state.filters)) {
      values.forEach((value) => params.append(name, value));
    }
    if (state.size !== DEFAULT_SIZE) {
      params.set('size', String(state.size));
    }
    if (state.page > 1) {
      params.set('page', String(state.page));
    }
    if (state.card) {
      params.set('card', state.card);
    }
    const query = params.toString();
    return '/' + (query ? '?' + query : '');
  }

  function withChanges(state, changes) {
    return Object.assign({}, state, { card: '' }, changes);
  }

  /** Goes to a state: a new entry in the browser's history, then what it shows. */
  function go(state) {
    history.pushState(null, '', addressOf(state));
    show(state);
  }

  /** A link to a state of this page: opens in place, or in a new tab as any link does. */
  function pageLink(state, attributes, ...children) {
    const link = el('a', Object.assign({ href: addressOf(state) }, attributes), children);
    link.addEventListener('click', (event) => {
      if (event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        go(state);
      }
    });
    return link;
  }

  let current = readState();
  /** What gets the focus once the next search is shown: the facet just clicked, or the results. */
  let focusAfterSearch = null;
  /** Answers to requests older than the latest are dropped: typing fast never shows an old search. */
  let generation = 0;

  async function ask(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.detail || body.title || ('the API answered ' + response.status));
    }
    return body;
  }

  function setStatus(...children) {
    $('status').replaceChildren(...children.map((child) => typeof child === 'string' ? document.createTextNode(child) : child));
  }

  function show(state) {
    current = state;
    $('q').value = state.q;
    $('sort').value = state.sort;
    closeSuggestions();
    if (state.card) {
      showCard(state);
    } else {
      showSearch(state);
    }
  }

  // ---- A search ----

  async function showSearch(state) {
    const asked = ++generation;
    $('card-view').hidden = true;
    $('search-view').hidden = false;
    document.title = state.q ? state.q + ' · cardex' : 'cardex: search model cards';
    const params = new URLSearchParams();
    if (state.q) {
      params.set('q', state.q);
    }
    if (state.sort !== 'relevance') {
      params.set('sort', state.sort);
    }
    if (state.mode) {
      params.set('mode', state.mode);
    }
    params.set('size', String(state.size));
    const from = Math.min((state.page - 1) * state.size, MAX_FROM);
    if (from > 0) {
      params.set('from', String(from));
    }
    params.set('facets', FACETS.map(([name]) => name).join(','));
    for (const [name, values] of Object.entries(state.filters)) {
      values.forEach((value) => params.append(name, value));
    }
    setStatus('Searching…');
    let result;
    try {
      result = await ask('/search?' + params);
    } catch (e) {
      if (asked === generation) {
        setStatus(el('span', { class: 'error' }, 'The search failed: ' + e.message));
        $('hits').replaceChildren();
        $('pager').replaceChildren();
      }
      return;
    }
    if (asked !== generation) {
      return;
    }
    const shown = result.cards.length;
    const words = state.q ? [' for ', el('q', null, state.q)] : [];
    // One hit per model: the models count the hits and the pages, the cards their versions.
    const models = result.total.models;
    const cards = result.total.cards === models ? '' : ` (${result.total.cards} cards)`;
    const how = state.q ? [modeSwitch(state)] : [];
    setStatus(models === 0 ? append(el('span'), ['No card found', ...words, '.', ...waysOut(result, state), ...how])
      : append(el('span'), [
        (shown < models ? `${from + 1}–${from + shown} of ${models} models` : `${models} model${models === 1 ? '' : 's'}`) + cards,
        ...words, ...(state.q ? ['.', ...how] : [])]));
    $('hits').replaceChildren(...result.cards.map((hit) => renderHit(hit, state)));
    renderFacets(result.facets || {}, state);
    renderPager(models, state);
    if (focusAfterSearch) {
      const target = document.querySelector(focusAfterSearch) || $('results');
      focusAfterSearch = null;
      target.focus();
    }
  }

  /**
   * How the words were searched, and a link to the other way: by words and meaning (the API's
   * default, which also finds the cards near in meaning) or by the words alone.
   */
  function modeSwitch(state) {
    return state.mode === 'text'
      ? el('span', { class: 'mode' }, ' By the words alone: search ',
        pageLink(withChanges(state, { mode: '', page: 1 }), null, 'by words and meaning'), '.')
      : el('span', { class: 'mode' }, ' By words and meaning: search ',
        pageLink(withChanges(state, { mode: 'text', page: 1 }), null, 'by the words alone'), '.');
  }

  /**
   * What an answer without cards offers instead, as links: the searches it suggests, and leaving
   * out a filter that removed every card (with the cards that would give).
   */
  function waysOut(result, state) {
    const parts = [];
    const suggestions = result.did_you_mean || [];
    if (suggestions.length > 0) {
      parts.push(el('span', { class: 'did-you-mean' }, ' Did you mean ',
        suggestions.map((text, i) => [i > 0 ? ', ' : '', pageLink(withChanges(state, { q: text, page: 1 }), null, text)]),
        '?'));
    }
    const widening = Object.entries(result.without_filter || {})
      .filter(([name, count]) => count > 0 && state.filters[name]);
    if (widening.length > 0) {
      parts.push(el('span', { class: 'without-filter' }, ' Without ',
        widening.map(([name, count], i) => {
          const filters = Object.assign({}, state.filters);
          delete filters[name];
          return [i > 0 ? ', ' : '', pageLink(withChanges(state, { filters, page: 1 }), null,
            `the ${name} filter: ${count} card${count === 1 ? '' : 's'}`)];
        }), '.'));
    }
    return parts;
  }

  /**
   * One hit of /search or /cards/{key}/similar, as a list item: a model, shown by its newest
   * version found, with links to each of its versions found; a similar card has no versions.
   */
  function renderHit(hit, state) {
    const card = hit.card || {};
    const header = card.header || {};
    const paper = card.paper_page || {};
    const highlights = hit.highlights || {};
    const name = header.model_name || card.title || paper.title || hit.key;

    const title = pageLink(withChanges(state, { card: hit.key }), { class: 'hit-title' },
      highlights['card.title'] ? highlighted(highlights['card.title'][0]) : name);
    const badges = [
      card.kind === 'paper' ? el('span', { class: 'badge kind' }, 'paper') : null,
      hit.status === 'invalid' ? el('span', { class: 'badge invalid' }, 'invalid') : null,
    ];
    const item = el('li', { class: 'hit' }, el('h3', null, title, ' ', badges), el('p', { class: 'key' }, hit.key));

    const summary = highlights['card.header.summary'] || highlights['card.chinese.summary'];
    if (summary) {
      item.appendChild(el('p', { class: 'summary' }, highlighted(summary[0])));
    } else if (header.summary) {
      item.appendChild(el('p', { class: 'summary' }, header.summary));
    }
    const passages = [].concat(highlights['card.body.markdown'] || [], highlights['card.paper_page.abstract_text'] || [],
      highlights['card.chinese.body.markdown'] || []).slice(0, 2);
    // A passage of Markdown reads as one line of text: its heading marks and line breaks are left out.
    passages.forEach((passage) => item.appendChild(el('p', { class: 'passage' }, '… ',
      highlighted(passage.replace(/(^|\n)[ \t]*#{1,6}[ \t]+/g, '$1').replace(/\s+/g, ' ')), ' …')));

    const facts = el('dl', { class: 'facts' });
    const fact = (term, ...values) => {
      if (values.flat().filter((value) => value !== undefined && value !== null && value !== '').length) {
        facts.append(el('div', null, el('dt', null, term), el('dd', null, values)));
      }
    };
    const version = header.mindspore_version || header.model_version;
    fact('Version', version ? 'MindSpore ' + version : null);
    fact('Task', header.module_type ? [header.module_type.type, header.module_type.detail].filter(Boolean).join(' / ') : null);
    fact('Datasets', (header.train_datasets || []).map((dataset) => el('span', { class: 'chip' }, dataset)));
    fact('Metrics', (header.evaluation && header.evaluation.metrics || []).map((metric) =>
      el('span', { class: 'metric' }, metric.name + ' ', el('b', null, String(metric.value)))));
    if (card.kind === 'paper') {
      fact('Paper', [paper.year ? String(paper.year) : null, (paper.authors || []).slice(0, 3).join(', ')]
        .filter(Boolean).join(' · '));
    }
    fact('Assets', (hit.asset_checks || []).map((check, index) => assetBadge(check, (header.assets || [])[index])));
    const versions = hit.versions || [];
    if (versions.length > 1) {
      const more = hit.version_count > versions.length ? ` and ${hit.version_count - versions.length} more` : null;
      fact('Versions', el('span', { class: 'versions' }, versions.map((version) => versionLink(version, hit, state)), more));
    }
    item.appendChild(facts);
    return item;
  }

  /** A version of a model's hit: a link to its card, but the version shown, which is marked instead. */
  function versionLink(version, hit, state) {
    const label = (version.version || 'unversioned') + (version.backend ? ' ' + version.backend : '');
    const metric = version.metric ? ` (${version.metric.name} ${version.metric.value})` : '';
    const attributes = { class: 'version' + (version.status === 'invalid' ? ' invalid' : ''), title: version.key + metric };
    if (version.key === hit.key) {
      return el('span', Object.assign(attributes, { 'aria-current': 'true' }), label);
    }
    return pageLink(withChanges(state, { card: version.key }), attributes, label);
  }

  function assetBadge(check, asset) {
    const format = asset && asset.file_format ? asset.file_format + ' ' : '';
    return el('span', { class: 'badge asset-' + check.status, title: check.error || null }, format + check.status.replace('_', ' '));
  }

  function renderFacets(facets, state) {
    const groups = [];
    for (const [name, title] of FACETS) {
      const chosen = state.filters[name] || [];
      const counts = (facets[name] || []).slice();
      // A chosen value counted nowhere still shows, so that it can be taken back.
      chosen.filter((value) => !counts.some((count) => count.value === value.toLowerCase()))
        .forEach((value) => counts.push({ value, count: 0 }));
      if (!counts.length) {
        continue;
      }
      const buttons = counts.map(({ value, count }) => {
        const pressed = chosen.some((chosenValue) => chosenValue.toLowerCase() === value);
        const button = el('button', { type: 'button', class: 'facet-value', 'aria-pressed': String(pressed), 'data-facet': name,
          'data-value': value }, el('span', { class: 'value' }, value), ' ', el('span', { class: 'count' }, String(count)));
        button.addEventListener('click', () => {
          const values = pressed ? chosen.filter((chosenValue) => chosenValue.toLowerCase() !== value) : chosen.concat(value);
          const filters = Object.assign({}, state.filters, { [name]: values });
          if (!values.length) {
            delete filters[name];
          }
          focusAfterSearch = `.facet-value[data-facet="${name}"][data-value="${CSS.escape(value)}"]`;
          go(withChanges(state, { filters, page: 1 }));
        });
        return el('li', null, button);
      });
      groups.push(el('section', { class: 'facet' }, el('h2', null, title), el('ul', null, buttons)));
    }
    if (Object.keys(state.filters).length) {
      const clear = el('button', { type: 'button', class: 'clear' }, 'Clear the filters');
      clear.addEventListener('click', () => go(withChanges(state, { filters: {}, page: 1 })));
      groups.push(clear);
    }
    $('facets').replaceChildren(...groups);
  }

  function renderPager(total, state) {
    const last = Math.max(1, Math.min(Math.ceil(total / state.size), Math.floor(MAX_FROM / state.size) + 1));
    const pager = $('pager');
    if (last === 1) {
      pager.replaceChildren();
      return;
    }
    const page = Math.min(state.page, last);
    const to = (number, label, attributes) => {
      const link = pageLink(withChanges(state, { page: number }), attributes, label);
      link.addEventListener('click', () => {
        focusAfterSearch = '#results';
      });
      return link;
    };
    const items = [];
    items.push(page > 1 ? to(page - 1, '← Previous', { rel: 'prev' }) : el('span', { class: 'disabled' }, '← Previous'));
    const shown = new Set([1, last, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= last));
    let before = 0;
    for (const number of [...shown].sort((a, b) => a - b)) {
      if (number > before + 1) {
        items.push(el('span', { class: 'gap' }, '…'));
      }
      items.push(number === page ? el('span', { class: 'current', 'aria-current': 'page' }, String(number))
        : to(number, String(number), { 'aria-label': 'Page ' + number }));
      before = number;
    }
    items.push(page < last ? to(page + 1, 'Next →', { rel: 'next' }) : el('span', { class: 'disabled' }, 'Next →'));
    pager.replaceChildren(...items);
  }

  // ---- A card ----

  function cardPath(key) {
    return '/cards/' + key.split('/').map(encodeURIComponent).join('/');
  }

  async function showCard(state) {
    const asked = ++generation;
    const view = $('card-view');
    $('search-view').hidden = true;
    view.hidden = false;
    const back = pageLink(withChanges(state, { card: '' }), { class: 'back' }, '← Back to the search');
    view.replaceChildren(back);
    setStatus('Loading the card…');
    let document_;
    try {
      document_ = await ask(cardPath(state.card));
    } catch (e) {
      if (asked === generation) {
        setStatus(el('span', { class: 'error' }, 'The card cannot be shown: ' + e.message));
      }
      return;
    }
    if (asked !== generation) {
      return;
    }
    setStatus('');
    view.append(...renderCard(document_));
    document.title = (document_.card.header && document_.card.header.model_name || document_.card.title || document_.key) + ' · cardex';
    view.focus();
    ask(cardPath(state.card) + '/similar?size=5').then((similar) => {
      if (asked === generation && similar.cards.length) {
        view.append(el('section', { class: 'similar' }, el('h3', null, 'Similar cards'),
          el('ol', { class: 'hits' }, similar.cards.map((hit) => renderHit(hit, withChanges(state, {}))))));
      }
    }).catch(() => { /* a card without similar ones shows none */ });
  }

  /** The whole card: its facts, assets, problems, text and where it came from. */
  function renderCard(documentOfCard) {
    const card = documentOfCard.card;
    const header = card.header || {};
    const paper = card.paper_page || {};
    const parts = [];
    const name = header.model_name || card.title || paper.title || documentOfCard.key;
    parts.push(el('h2', null, name, ' ', card.kind === 'paper' ? el('span', { class: 'badge kind' }, 'paper') : null,
      documentOfCard.status === 'invalid' ? el('span', { class: 'badge invalid' }, 'invalid') : null));
    parts.push(el('p', { class: 'key' }, documentOfCard.key));
    if (header.summary) {
      parts.push(el('p', { class: 'summary' }, header.summary));
    }

    const facts = el('dl', { class: 'facts wide' });
    const fact = (term, ...values) => {
      if (values.flat().filter((value) => value !== undefined && value !== null && value !== '').length) {
        facts.append(el('div', null, el('dt', null, term), el('dd', null, values)));
      }
    };
    fact('Model', header.model_name);
    fact('Backbone', header.backbone_name);
    fact('Task', header.module_type ? [header.module_type.type, header.module_type.detail].filter(Boolean).join(' / ') : null);
    fact('MindSpore version', header.mindspore_version);
    fact('Model version', header.model_version);
    fact('Datasets', (header.train_datasets || []).map((dataset) => el('span', { class: 'chip' }, dataset)));
    fact('Metrics', header.evaluation ? (header.evaluation.metrics.length
      ? header.evaluation.metrics.map((metric) => el('span', { class: 'metric' }, metric.name + ' ', el('b', null, String(metric.value))))
      : header.evaluation.raw) : null);
    fact('Used for', (header.used_for || []).join(', '));
    fact('Author', header.author);
    fact('License', header.license);
    fact('Updated', header.update_time);
    fact('Code', header.repo_link ? outsideLink(header.repo_link) : null);
    if (card.kind === 'paper') {
      fact('Paper', paper.title);
      fact('Authors', (paper.authors || []).join(', '));
      fact('Year', paper.year ? String(paper.year) : null);
    }
    parts.push(facts);

    const checks = documentOfCard.asset_checks || [];
    if ((header.assets || []).length) {
      const rows = header.assets.map((asset, index) => {
        const check = checks[index];
        return el('tr', null,
          el('td', null, asset.file_format || ''),
          el('td', { class: 'wrap' }, asset.link ? outsideLink(asset.link) : ''),
          el('td', { class: 'wrap' }, asset.sha256 ? el('code', null, asset.sha256) : ''),
          el('td', null, check ? assetBadge(check) : '', check && check.error ? el('div', { class: 'note' }, check.error) : null));
      });
      parts.push(el('section', { class: 'assets' }, el('h3', null, 'Assets'), el('div', { class: 'table' }, el('table', null,
        el('thead', null, el('tr', null, ['Format', 'Link', 'SHA-256', 'Check'].map((title) => el('th', { scope: 'col' }, title)))),
        el('tbody', null, rows)))));
    }

    if (card.problems.length) {
      parts.push(el('section', { class: 'problems' }, el('h3', null, 'Problems'), el('ul', null, card.problems.map((problem) =>
        el('li', { class: problem.severity }, el('b', null, problem.severity), ' ',
          el('code', null, `${problem.file}:${problem.line}:${problem.column}`), ' ', problem.message, ' ',
          el('span', { class: 'code' }, '[' + problem.code + ']'))))));
    }

    if (paper.abstract_text) {
      parts.push(el('section', { class: 'abstract' }, el('h3', null, 'Abstract'), el('p', null, paper.abstract_text)));
    }
    parts.push(el('section', { class: 'markdown', 'aria-label': 'The card' }, Markdown.render(card.body.markdown, 3)));
    if (card.chinese) {
      parts.push(el('details', { class: 'chinese', lang: 'zh' }, el('summary', null, '中文 (Chinese version)'),
        el('div', { class: 'markdown' }, Markdown.render(card.chinese.body.markdown, 3))));
    }

    const source = documentOfCard.source;
    parts.push(el('p', { class: 'source' }, 'From ', el('code', null, source.paths.join(', ')), ' of ',
      el('code', null, source.repository + '@' + source.branch), ', commit ', el('code', null, source.commit.slice(0, 10)),
      source.commit_author ? ' by ' + source.commit_author : '', ' (' + source.commit_time + ')'));
    return parts;
  }

  // ---- Suggestions while typing ----

  let suggestTimer = 0;
  let suggestAsked = 0;
  let active = -1;

  function options() {
    return [...$('suggestions').children];
  }

  function closeSuggestions() {
    const list = $('suggestions');
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    $('q').setAttribute('aria-expanded', 'false');
    $('q').removeAttribute('aria-activedescendant');
  }

  function activate(index) {
    const all = options();
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      $('q').setAttribute('aria-activedescendant', all[active].id);
    }
  }

  function choose(value) {
    $('q').value = value;
    closeSuggestions();
    search();
  }

  async function suggest() {
    const prefix = $('q').value.trim();
    const asked = ++suggestAsked;
    if (!prefix || prefix.length > 100) {
      closeSuggestions();
      return;
    }
    let names;
    try {
      names = (await ask('/suggest?prefix=' + encodeURIComponent(prefix))).suggestions;
    } catch (e) {
      names = [];
    }
    if (asked !== suggestAsked || document.activeElement !== $('q')) {
      return;
    }
    if (!names.length) {
      closeSuggestions();
      return;
    }
    const list = $('suggestions');
    list.replaceChildren(...names.map((name, i) => {
      const option = el('li', { id: 'suggestion-' + i, role: 'option', 'aria-selected': 'false' }, name);
      // Chosen on mousedown, before the box loses its focus and closes the list.
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(name);
      });
      return option;
    }));
    active = -1;
    list.hidden = false;
    $('q').setAttribute('aria-expanded', 'true');
  }

  function search() {
    go(withChanges(current, { q: $('q').value.trim(), sort: $('sort').value, page: 1 }));
  }

  function start() {
    const box = $('q');
    box.addEventListener('input', () => {
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(suggest, SUGGEST_DELAY_MS);
    });
    box.addEventListener('keydown', (event) => {
      const open = !$('suggestions').hidden;
      if (event.key === 'ArrowDown' && open) {
        event.preventDefault();
        activate(active + 1);
      } else if (event.key === 'ArrowUp' && open) {
        event.preventDefault();
        activate(active - 1);
      } else if (event.key === 'Escape' && open) {
        event.preventDefault();
        closeSuggestions();
      } else if (event.key === 'Enter' && open && active >= 0) {
        event.preventDefault();
        choose(options()[active].textContent);
      }
    });
    box.addEventListener('blur', () => {
      clearTimeout(suggestTimer);
      suggestAsked++;
      closeSuggestions();
    });
    $('search').addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(suggestTimer);
      suggestAsked++;
      search();
    });
    $('sort').addEventListener('change', search);
    window.addEventListener('popstate', () => show(readState()));
    show(current);
    if (!current.card) {
      box.focus();
    }
  }

  start();
})();
