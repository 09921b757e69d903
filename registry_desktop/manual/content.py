"""What the help says about a form and its fields, and the manual as a list of blocks; no Qt.

One source for three readers: the F1 side panel (`formkit.help_panel`), the Help page of
the navigation rail (`help_view`) and the user manual (`manual.pdf`, `manual.html`). The
texts come from the form definitions (`forms/<name>.yaml`) and from `forms/manual/manual.yaml`
(title page, the words around the help texts, input hints, keyboard chapter, glossary);
what the definitions leave open (is the field required, which reference list) is answered
by the `registry_core` model, as the renderer does.
"""

from __future__ import annotations

import html
import types
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any

from registry_desktop.formdefs import (
    Condition,
    FieldDef,
    FormDef,
    Text,
    all_forms,
    forms_dir,
    read_yaml,
)

LANGUAGES = ("lv", "en")
MANUAL_FILE = ("manual", "manual.yaml")


def norm_lang(lang: str | None) -> str:
    return "en" if lang == "en" else "lv"


# ---------------------------------------------------------------------- manual.yaml
@dataclass(frozen=True)
class ManualTexts:
    """`forms/manual/manual.yaml` read once: every text is a `Text` (lv + en)."""

    raw: Mapping[str, Any]

    def text(self, *path: str) -> Text:
        node: Any = self.raw
        for part in path:
            node = node.get(part) if isinstance(node, Mapping) else None
        return Text.of(node) or Text(path[-1], path[-1])

    def label(self, key: str, lang: str, **params: str) -> str:
        template = self.text("labels", key).get(lang)
        return template.format(**params) if params else template

    def widget_hint(self, widget: str, lang: str) -> str:
        hint = Text.of((self.raw.get("widgets") or {}).get(widget))
        return hint.get(lang) if hint else ""


@cache
def manual_texts() -> ManualTexts:
    return ManualTexts(read_yaml(forms_dir().joinpath(*MANUAL_FILE)))


# ---------------------------------------------------------------------- model facts
def _unwrap(annotation: Any) -> Iterator[Any]:
    """Every type inside an annotation (Optional, list[…], Annotated[…] unwrapped)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _unwrap(typing.get_args(annotation)[0])
    elif origin in (typing.Union, types.UnionType, list, tuple, set, frozenset):
        for arg in typing.get_args(annotation):
            yield from _unwrap(arg)
    elif annotation is not None and annotation is not type(None):
        yield annotation


def _model_field(model: Any, bind: str | None) -> Any:
    if model is None or not bind:
        return None
    return getattr(model, "model_fields", {}).get(bind)


def sub_model(model: Any, bind: str | None) -> Any:
    """The pydantic model of a table's rows or a group (`legal_basis` → LegalBasis)."""
    info = _model_field(model, bind)
    if info is None:
        return None
    for candidate in _unwrap(info.annotation):
        if isinstance(candidate, type) and hasattr(candidate, "model_fields"):
            return candidate
    return None


def _enum_of(model: Any, bind: str | None) -> type[Enum] | None:
    info = _model_field(model, bind)
    if info is None:
        return None
    for candidate in _unwrap(info.annotation):
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return candidate
    return None


def ref_of(model: Any, fd: FieldDef) -> str | None:
    """The reference list of a field: the definition's `ref`, else the model's metadata."""
    if fd.ref:
        return fd.ref
    info = _model_field(model, fd.bind)
    extra = getattr(info, "json_schema_extra", None)
    if isinstance(extra, Mapping) and extra.get("ref"):
        return str(extra["ref"])
    return None


def required_of(model: Any, fd: FieldDef) -> bool | None:
    """Required as the definition says, else as the model says; None where it does not apply."""
    if fd.widget in ("mrz", "computed") or fd.readonly:
        return None
    if fd.required is not None:
        return bool(fd.required)
    info = _model_field(model, fd.bind)
    return bool(info.is_required()) if info is not None else False


def ref_list_name(ref: str, lang: str) -> str:
    from registry_core.reference import REFERENCE_LISTS

    definition = REFERENCE_LISTS.get(ref)
    if definition is None:
        return ref
    return definition.label_en if lang == "en" else definition.label_lv


@cache
def _closed_list_items(ref: str) -> tuple[tuple[str, str, str], ...]:
    """(code, lv, en) of a closed (enum-backed) reference list; () for open lists."""
    from registry_core.reference import REFERENCE_LISTS, seed_items

    definition = REFERENCE_LISTS.get(ref)
    if definition is None or definition.enum is None:
        return ()
    return tuple((i.code, i.label_lv, i.label_en) for i in seed_items(ref))


def _ref_label(ref: str, code: str, lang: str) -> str:
    from registry_core.reference import REFERENCE_LISTS, label

    if ref not in REFERENCE_LISTS:
        return code
    try:
        return label(ref, code, lang)
    except Exception:  # a list whose seed cannot be built must not break the help
        return code


def choices_of(model: Any, fd: FieldDef, lang: str) -> tuple[str, ...]:
    """The possible values, for fields with a small closed set (options, enum lists)."""
    if fd.options:
        return tuple(f"{text.get(lang)}" for text in fd.options.values())
    ref = ref_of(model, fd)
    if ref:
        items = _closed_list_items(ref)
        return tuple(en if lang == "en" else lv for _code, lv, en in items)
    if fd.widget == "choice":
        enum = _enum_of(model, fd.bind)
        if enum is not None:
            return tuple(str(m.value) for m in enum)
    return ()


def value_label(form: FormDef, key: str, value: Any, lang: str) -> str:
    """How a value of field `key` reads to the officer (option or reference label)."""
    try:
        fd = form.field(key)
    except KeyError:
        return str(value)
    if isinstance(value, bool):
        return str(value).lower()
    text = fd.options.get(str(value))
    if text is not None:
        return text.get(lang)
    ref = ref_of(form.model, fd)
    return _ref_label(ref, str(value), lang) if ref else str(value)


def condition_text(form: FormDef, cond: Condition | None, lang: str) -> str:
    """“when “Status” is deleted” — the visibility rule of a section or field in words."""
    if cond is None:
        return ""
    texts = manual_texts()
    try:
        target: FieldDef | None = form.field(cond.field)
    except KeyError:
        target = None
    field_label = target.label.get(lang) if target else cond.field
    is_bool = target is not None and target.widget == "bool"
    if cond.truthy is not None or (is_bool and all(isinstance(v, bool) for v in cond.values)):
        positive = cond.truthy if cond.truthy is not None else bool(cond.values and cond.values[0])
        if cond.negate:
            positive = not positive
        if is_bool:
            key = "shown_when_ticked" if positive else "shown_when_unticked"
        else:
            key = "shown_when_set" if positive else "shown_when_unset"
        return texts.label(key, lang, field=field_label)
    joiner = f" {texts.label('or', lang)} "
    values = joiner.join(f"“{value_label(form, cond.field, v, lang)}”" for v in cond.values)
    key = "shown_when_is_not" if cond.negate else "shown_when_is"
    return texts.label(key, lang, field=field_label, values=values)


# ---------------------------------------------------------------------- field and form facts
@dataclass(frozen=True)
class FieldFacts:
    """Everything the help says about one field, in one language."""

    key: str  # "surname_latin", or "legal_basis.act" for a column
    label: str
    widget: str
    meaning: str
    rules: str = ""
    example: str = ""
    required: bool | None = None  # None: not entered by the officer (computed, read-only)
    readonly: bool = False
    ref: str | None = None
    ref_name: str = ""
    choices: tuple[str, ...] = ()
    input_hint: str = ""
    shown_when: str = ""
    section: str = ""
    parent_label: str = ""  # for a column: the table's label
    columns: tuple[FieldFacts, ...] = ()

    def rows(self, lang: str) -> list[tuple[str, str]]:
        """(heading, text) lines in the order the panel and the manual show them."""
        t = manual_texts()
        out: list[tuple[str, str]] = []
        if self.parent_label:
            out.append((t.label("part_of", lang), self.parent_label))
        out.append((t.label("meaning", lang), self.meaning or t.label("no_help", lang)))
        if self.rules:
            out.append((t.label("rules", lang), self.rules))
        if self.example:
            out.append((t.label("example", lang), self.example))
        if self.widget == "computed":
            out.append((t.label("entry", lang), t.label("computed", lang)))
        elif self.readonly:
            out.append((t.label("entry", lang), t.label("readonly", lang)))
        elif self.required is not None:
            key = "required" if self.required else "optional"
            out.append((t.label("entry", lang), t.label(key, lang)))
        if self.ref:
            out.append((t.label("reference_list", lang), f"{self.ref_name} ({self.ref})"))
        if self.choices:
            out.append((t.label("values", lang), "; ".join(self.choices)))
        if self.input_hint:
            out.append((t.label("input", lang), self.input_hint))
        if self.shown_when:
            out.append((t.label("shown_when", lang), self.shown_when))
        return out


def _facts(
    form: FormDef,
    fd: FieldDef,
    lang: str,
    *,
    model: Any,
    prefix: str = "",
    section: str = "",
    parent_label: str = "",
    section_if: Condition | None = None,
) -> FieldFacts:
    ref = ref_of(model, fd)
    columns: tuple[FieldFacts, ...] = ()
    if fd.columns:
        child_model = sub_model(model, fd.bind)
        columns = tuple(
            _facts(
                form,
                column,
                lang,
                model=child_model,
                prefix=f"{prefix}{fd.key}.",
                section=section,
                parent_label=fd.label.get(lang),
            )
            for column in fd.columns
        )
    return FieldFacts(
        key=f"{prefix}{fd.key}",
        label=fd.label.get(lang),
        widget=fd.widget,
        meaning=fd.help.get(lang),
        rules=fd.rules.get(lang) if fd.rules else "",
        example=fd.example or "",
        required=required_of(model, fd),
        readonly=fd.readonly,
        ref=ref,
        ref_name=ref_list_name(ref, lang) if ref else "",
        choices=choices_of(model, fd, lang),
        input_hint="" if fd.readonly else manual_texts().widget_hint(fd.widget, lang),
        shown_when="" if prefix else condition_text(form, fd.visible_if or section_if, lang),
        section=section,
        parent_label=parent_label,
        columns=columns,
    )


def field_facts(form: FormDef, key: str, lang: str) -> FieldFacts:
    """The facts of field `key` ("legal_basis" or, for a column, "legal_basis.act" — a row
    index in between, as in a problem's path "legal_basis.0.act", is accepted too)."""
    lang = norm_lang(lang)
    parts = [p for p in key.split(".") if p and not p.isdigit()]
    if not parts:
        raise KeyError(key)
    for section in form.sections:
        for fd in section.fields:
            if fd.key == parts[0]:
                facts = _facts(
                    form,
                    fd,
                    lang,
                    model=form.model,
                    section=section.title.get(lang),
                    section_if=section.visible_if,
                )
                for part in parts[1:]:
                    match = [c for c in facts.columns if c.key.rsplit(".", 1)[-1] == part]
                    if not match:
                        raise KeyError(key)
                    facts = match[0]
                return facts
    raise KeyError(key)


@dataclass(frozen=True)
class SectionFacts:
    id: str
    title: str
    help: str
    shown_when: str
    fields: tuple[FieldFacts, ...]


@dataclass(frozen=True)
class FormFacts:
    name: str
    title: str
    summary: str
    sections: tuple[SectionFacts, ...]
    howto: tuple[tuple[str, str], ...]
    typical_errors: tuple[tuple[str, str], ...]

    def fields(self) -> Iterator[FieldFacts]:
        for section in self.sections:
            yield from section.fields


def form_facts(form: FormDef, lang: str) -> FormFacts:
    lang = norm_lang(lang)
    sections = tuple(
        SectionFacts(
            id=s.id,
            title=s.title.get(lang),
            help=s.help.get(lang) if s.help else "",
            shown_when=condition_text(form, s.visible_if, lang),
            fields=tuple(
                _facts(form, fd, lang, model=form.model, section=s.title.get(lang))
                for fd in s.fields
            ),
        )
        for s in form.sections
    )
    return FormFacts(
        name=form.name,
        title=form.title.get(lang),
        summary=form.summary.get(lang),
        sections=sections,
        howto=tuple((h.title.get(lang), h.text.get(lang)) for h in form.howto),
        typical_errors=tuple((e.problem.get(lang), e.fix.get(lang)) for e in form.typical_errors),
    )


# ---------------------------------------------------------------------- HTML for the help widgets
def _e(text: str) -> str:
    return html.escape(text, quote=True)


def field_help_html(form: FormDef, key: str, lang: str) -> str:
    """The F1 panel's page for one field (Qt rich text: simple tags, no CSS needed)."""
    lang = norm_lang(lang)
    facts = field_facts(form, key, lang)
    t = manual_texts()
    where = " › ".join(x for x in (form.title.get(lang), facts.section) if x)
    parts = [f"<h3>{_e(facts.label)}</h3>", f"<p><i>{_e(where)}</i></p>"]
    parts.extend(_rows_html(facts.rows(lang)))
    if facts.columns:
        heading = t.label("columns" if facts.widget == "table" else "parts", lang)
        parts.append(f"<h4>{_e(heading)}</h4>")
        for column in facts.columns:
            parts.append(f'<p><b><a href="field:{_e(column.key)}">{_e(column.label)}</a></b></p>')
            parts.extend(
                _rows_html(r for r in column.rows(lang) if r[0] != t.label("part_of", lang))
            )
    parts.append(
        f'<p><a href="form:">{_e(t.label("form_help", lang))}: {_e(form.title.get(lang))}</a></p>'
    )
    return "".join(parts)


def _rows_html(rows: Iterable[tuple[str, str]]) -> list[str]:
    return [f"<p><b>{_e(head)}:</b> {_e(text)}</p>" for head, text in rows]


def form_help_html(form: FormDef, lang: str) -> str:
    """A form's help page: summary, how-tos, typical errors, the fields (links to F1 pages)."""
    lang = norm_lang(lang)
    facts = form_facts(form, lang)
    t = manual_texts()
    parts = [f"<h2>{_e(facts.title)}</h2>", f"<p>{_e(facts.summary)}</p>"]
    if facts.howto:
        parts.append(f"<h3>{_e(t.label('howto', lang))}</h3>")
        for title, text in facts.howto:
            parts.append(f"<p><b>{_e(title)}</b><br/>{_e(text)}</p>")
    if facts.typical_errors:
        parts.append(f"<h3>{_e(t.label('typical_errors', lang))}</h3>")
        for problem, fix in facts.typical_errors:
            parts.append(f"<p><b>{_e(problem)}</b><br/>{_e(t.label('fix', lang))}: {_e(fix)}</p>")
    parts.append(f"<h3>{_e(t.label('sections', lang))}</h3>")
    for section in facts.sections:
        title = section.title + (f" ({section.shown_when})" if section.shown_when else "")
        parts.append(f"<h4>{_e(title)}</h4>")
        if section.help:
            parts.append(f"<p>{_e(section.help)}</p>")
        items = "".join(
            f'<li><a href="field:{_e(f.key)}">{_e(f.label)}</a> — {_e(f.meaning)}</li>'
            for f in section.fields
        )
        parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def keyboard_html(lang: str) -> str:
    """The keyboard chapter for the Help page (same text as the manual's first chapter)."""
    lang = norm_lang(lang)
    blocks = keyboard_blocks(lang)
    return "".join(_block_html(b, anchors=False) for b in blocks)


# ---------------------------------------------------------------------- the manual as blocks
@dataclass(frozen=True)
class Heading:
    level: int  # 1 chapter, 2 section, 3 sub-section
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "text"  # text | lead | note


@dataclass(frozen=True)
class Pair:
    """A bold lead-in and its text on one paragraph (“How to …: text”)."""

    head: str
    text: str


@dataclass(frozen=True)
class TableBlock:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the text width


@dataclass(frozen=True)
class FieldBlock:
    label: str
    anchor: str
    rows: tuple[tuple[str, str], ...]
    depth: int = 0  # 1 for a column of a table or group


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Pair | TableBlock | FieldBlock | PageBreak


@dataclass(frozen=True)
class Manual:
    lang: str
    register: str
    title: str
    subtitle: str
    generated: str
    fictitious: str
    contents_title: str
    page_word: str
    chapters: tuple[tuple[Heading, tuple[Block, ...]], ...] = field(default=())

    def blocks(self) -> Iterator[Block]:
        for heading, body in self.chapters:
            yield heading
            yield from body


def keyboard_blocks(lang: str) -> list[Block]:
    t = manual_texts()
    kb = t.raw.get("keyboard") or {}
    out: list[Block] = [Para(t.text("keyboard", "intro").get(lang), "lead")]
    for index, section in enumerate(kb.get("sections") or ()):
        title = Text.of(section.get("title")) or Text("", "")
        out.append(Heading(2, title.get(lang), f"keyboard-{index + 1}"))
        out.append(Para((Text.of(section.get("text")) or Text("", "")).get(lang)))
    shortcuts = kb.get("shortcuts") or ()
    if shortcuts:
        out.append(Heading(2, t.label("shortcuts", lang), "shortcuts"))
        rows = tuple(
            (
                str(s["keys"]),
                (Text.of(s.get("action")) or Text("", "")).get(lang),
                (Text.of(s.get("where")) or Text("", "")).get(lang),
            )
            for s in shortcuts
        )
        header = (t.label("key", lang), t.label("action", lang), t.label("where", lang))
        out.append(TableBlock(header, rows, (0.2, 0.5, 0.3)))
    return out


def form_blocks(form: FormDef, lang: str) -> list[Block]:
    t = manual_texts()
    facts = form_facts(form, lang)
    out: list[Block] = [Para(facts.summary, "lead")]
    out.append(Heading(2, t.label("sections", lang), f"form-{form.name}-fields"))
    for section in facts.sections:
        out.append(Heading(3, section.title, f"form-{form.name}-section-{section.id}"))
        if section.help:
            out.append(Para(section.help))
        if section.shown_when:
            note = t.label("section_shown_when", lang, condition=section.shown_when)
            out.append(Para(note, "note"))
        for f in section.fields:
            out.extend(_field_blocks(form, f, lang, depth=0))
    if facts.howto:
        out.append(Heading(2, t.label("howto", lang), f"form-{form.name}-howto"))
        out.extend(Pair(title, text) for title, text in facts.howto)
    if facts.typical_errors:
        out.append(Heading(2, t.label("typical_errors", lang), f"form-{form.name}-errors"))
        header = (t.label("problem", lang), t.label("fix", lang))
        out.append(TableBlock(header, tuple(facts.typical_errors), (0.45, 0.55)))
    return out


def _field_blocks(form: FormDef, f: FieldFacts, lang: str, depth: int) -> list[Block]:
    part_of = manual_texts().label("part_of", lang)
    rows = tuple(r for r in f.rows(lang) if r[0] != part_of)
    out: list[Block] = [FieldBlock(f.label, f"field-{form.name}-{f.key}", rows, depth)]
    for column in f.columns:
        out.extend(_field_blocks(form, column, lang, depth + 1))
    return out


def glossary_blocks(lang: str) -> list[Block]:
    t = manual_texts()
    glossary = t.raw.get("glossary") or {}
    out: list[Block] = [Para(t.text("glossary", "intro").get(lang), "lead")]
    rows: list[tuple[str, ...]] = []
    for term in glossary.get("terms") or ():
        note = (Text.of(term.get("note")) or Text("", "")).get(lang)
        lv, en = str(term["lv"]), str(term["en"])
        rows.append((lv, en, note) if lang == "lv" else (en, lv, note))
    rows.sort(key=lambda r: _sort_key(r[0], lang))
    first, second = ("term_lv", "term_en") if lang == "lv" else ("term_en", "term_lv")
    header = (t.label(first, lang), t.label(second, lang), t.label("explanation", lang))
    out.append(TableBlock(header, tuple(rows), (0.28, 0.27, 0.45)))
    return out


def _sort_key(text: str, lang: str) -> Any:
    if lang == "lv":
        from registry_core.reference import latvian_sort_key

        return latvian_sort_key(text)
    return text.casefold()


def build_manual(lang: str, forms: Mapping[str, FormDef] | None = None) -> Manual:
    """The whole manual in `lang`: keyboard chapter, a chapter per form (index.yaml order),
    the glossary."""
    lang = norm_lang(lang)
    t = manual_texts()
    forms = all_forms() if forms is None else forms
    chapters: list[tuple[Heading, tuple[Block, ...]]] = [
        (
            Heading(1, t.text("keyboard", "title").get(lang), "keyboard"),
            tuple(keyboard_blocks(lang)),
        )
    ]
    for form in forms.values():
        chapters.append(
            (Heading(1, form.title.get(lang), f"form-{form.name}"), tuple(form_blocks(form, lang)))
        )
    chapters.append(
        (
            Heading(1, t.text("glossary", "title").get(lang), "glossary"),
            tuple(glossary_blocks(lang)),
        )
    )
    return Manual(
        lang=lang,
        register=t.text("register").get(lang),
        title=t.text("title").get(lang),
        subtitle=t.text("subtitle").get(lang),
        generated=t.text("generated").get(lang),
        fictitious=t.text("fictitious").get(lang),
        contents_title=t.label("contents", lang),
        page_word=t.label("page", lang),
        chapters=tuple(chapters),
    )


# ---------------------------------------------------------------------- blocks → HTML
def _block_html(block: Block, *, anchors: bool = True) -> str:
    if isinstance(block, Heading):
        tag = f"h{min(block.level + 1, 6)}"
        anchor = f' id="{_e(block.anchor)}"' if anchors and block.anchor else ""
        return f"<{tag}{anchor}>{_e(block.text)}</{tag}>"
    if isinstance(block, Para):
        css = f' class="{block.style}"' if block.style != "text" else ""
        return f"<p{css}>{_e(block.text)}</p>"
    if isinstance(block, Pair):
        return f"<p><b>{_e(block.head)}.</b> {_e(block.text)}</p>"
    if isinstance(block, TableBlock):
        head = "".join(f"<th>{_e(h)}</th>" for h in block.header)
        body = "".join(
            "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in block.rows
        )
        return f'<table cellpadding="4"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    if isinstance(block, FieldBlock):
        anchor = f' id="{_e(block.anchor)}"' if anchors else ""
        rows = "".join(f"<dt>{_e(h)}</dt><dd>{_e(v)}</dd>" for h, v in block.rows)
        return (
            f'<div class="field depth{block.depth}"{anchor}><h5>{_e(block.label)}</h5>'
            f"<dl>{rows}</dl></div>"
        )
    return '<hr class="pagebreak"/>'


_CSS = """
body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 11pt; line-height: 1.45;
       max-width: 52em; margin: 2em auto; padding: 0 1em; color: #111; }
header.title { border-bottom: 2px solid #444; margin-bottom: 2em; padding-bottom: 1em; }
header.title .register { color: #555; font-size: 10pt; }
header.title h1 { font-size: 22pt; margin: .3em 0; }
nav ol { padding-left: 1.4em; } nav a { text-decoration: none; }
h2 { font-size: 16pt; border-bottom: 1px solid #999; margin-top: 2.5em; }
h3 { font-size: 13pt; background: #ebebeb; padding: .2em .4em; margin-top: 1.6em; }
h4 { font-size: 11.5pt; margin-top: 1.3em; }
h5 { font-size: 11pt; margin: 0 0 .2em 0; }
p.lead { font-size: 11.5pt; } p.note { color: #555; font-style: italic; }
div.field { margin: .8em 0; padding-left: .6em; border-left: 3px solid #ccc; }
div.field.depth1 { margin-left: 1.5em; } div.field.depth2 { margin-left: 3em; }
dl { display: grid; grid-template-columns: 10em 1fr; gap: .1em .8em; margin: 0; }
dt { color: #555; font-size: 9.5pt; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { border: 1px solid #bbb; text-align: left; vertical-align: top; padding: .3em .5em; }
th { background: #ebebeb; } hr.pagebreak { display: none; }
""".strip()


def manual_html(manual: Manual) -> str:
    """One self-contained HTML file: title, table of contents, an anchor per chapter."""
    toc = "".join(
        f'<li><a href="#{_e(h.anchor)}">{_e(h.text)}</a></li>' for h, _body in manual.chapters
    )
    body = "".join(
        f'<section id="chapter-{_e(h.anchor)}">{_block_html(h)}'
        + "".join(_block_html(b) for b in blocks)
        + "</section>"
        for h, blocks in manual.chapters
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{manual.lang}">\n<head>\n<meta charset="utf-8"/>\n'
        f"<title>{_e(manual.title)} — {_e(manual.register)}</title>\n"
        f"<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
        f'<header class="title"><div class="register">{_e(manual.register)}</div>'
        f"<h1>{_e(manual.title)}</h1><p>{_e(manual.subtitle)}</p>"
        f'<p class="note">{_e(manual.generated)}</p></header>\n'
        f'<nav id="contents"><h2>{_e(manual.contents_title)}</h2><ol>{toc}</ol></nav>\n'
        f"<main>{body}</main>\n</body>\n</html>\n"
    )


def all_labels(forms: Sequence[FormDef], lang: str) -> Iterator[str]:
    """Every field label (columns included) of `forms` — what the manual must contain."""
    for form in forms:
        for f in form_facts(form, lang).fields():
            yield from _labels(f)


def _labels(f: FieldFacts) -> Iterator[str]:
    yield f.label
    for column in f.columns:
        yield from _labels(column)
