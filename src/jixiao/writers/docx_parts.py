"""The fixed parts of the .docx package: fonts, styles, settings, footer, relationships, properties.

Font names are a setting (:class:`FontSet`). The default is what current Windows and WPS have
(仿宋, 黑体, 楷体, 宋体); 仿宋_GB2312 and 方正小标宋简体 are often missing and Word would then
substitute silently. Sizes follow GB/T 9704: title 2号 (22 pt), body 3号 (16 pt), page
numbers 4号 (14 pt); tables use 五号 (10.5 pt).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from jixiao.writers.docx_xml import R_NS, W_NS, esc

CUSTOM_NS = "urn:jixiao:package"
CUSTOM_ITEM_ID = "{6F1C2A4E-3B7D-4C59-9E21-4A8B5D7E0C13}"


@dataclass(frozen=True, slots=True)
class FontSet:
    """East Asian font names written into the document (w:rFonts w:eastAsia)."""

    body: str = "仿宋"  # 正文 (仿宋_GB2312 in the standard)
    heading1: str = "黑体"
    heading2: str = "楷体"  # 楷体_GB2312 in the standard
    title: str = "宋体"  # 方正小标宋简体 in the standard
    table: str = "宋体"
    latin: str = "Times New Roman"
    body_size: int = 32  # half-points: 3号
    title_size: int = 44  # 2号
    table_size: int = 21  # 五号
    footer_size: int = 28  # 4号


GB_FONTS = FontSet(body="仿宋_GB2312", heading2="楷体_GB2312", title="方正小标宋简体")

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/footer1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/customXml/itemProps1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)

ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}settings" Target="settings.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}footer" Target="footer1.xml"/>'
    f'<Relationship Id="rId4" Type="{_REL}customXml" Target="../customXml/item1.xml"/>'
    "</Relationships>"
)
FOOTER_ID = "rId3"

CUSTOM_ITEM_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}customXmlProps" Target="itemProps1.xml"/>'
    "</Relationships>"
)

CUSTOM_ITEM_PROPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    f'<ds:datastoreItem ds:itemID="{CUSTOM_ITEM_ID}" '
    'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
    f'<ds:schemaRefs><ds:schemaRef ds:uri="{CUSTOM_NS}"/></ds:schemaRefs></ds:datastoreItem>'
)

SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="420"/>'
    '<w:characterSpacingControl w:val="compressPunctuation"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat></w:settings>'
)


def _rfonts(east_asia: str, latin: str) -> str:
    return (
        f'<w:rFonts w:ascii="{esc(latin)}" w:hAnsi="{esc(latin)}" w:eastAsia="{esc(east_asia)}" w:cs="{esc(latin)}"/>'
    )


def _style(style_id: str, name: str, ppr: str, font: str, size: int, fonts: FontSet, bold: bool = False) -> str:
    weight = "<w:b/><w:bCs/>" if bold else ""
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr>'
        f'<w:rPr>{_rfonts(font, fonts.latin)}{weight}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
        "</w:style>"
    )


def styles_xml(fonts: FontSet) -> str:
    body_spacing = '<w:spacing w:line="579" w:lineRule="exact"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>{_rfonts(fonts.body, fonts.latin)}'
        f'<w:sz w:val="{fonts.body_size}"/><w:szCs w:val="{fonts.body_size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f"<w:pPr>{body_spacing}</w:pPr></w:style>"
        + _style(
            "JxTitle", "Jixiao Title", '<w:spacing w:line="579" w:lineRule="exact"/><w:jc w:val="center"/>',
            fonts.title, fonts.title_size, fonts, bold=fonts.title == "宋体",
        )
        + _style(
            "Heading1", "heading 1", f'<w:keepNext/>{body_spacing}<w:ind w:firstLineChars="200" '
            'w:firstLine="640"/><w:outlineLvl w:val="0"/>', fonts.heading1, fonts.body_size, fonts,
        )
        + _style(
            "Heading2", "heading 2", f'<w:keepNext/>{body_spacing}<w:ind w:firstLineChars="200" '
            'w:firstLine="640"/><w:outlineLvl w:val="1"/>', fonts.heading2, fonts.body_size, fonts,
        )
        + _style(
            "JxAttachment", "Jixiao Attachment", f"<w:keepNext/>{body_spacing}<w:jc w:val='left'/>",
            fonts.heading1, fonts.body_size, fonts,
        )
        + _style(
            "TableText", "Jixiao Table Text", '<w:spacing w:line="240" w:lineRule="auto"/>',
            fonts.table, fonts.table_size, fonts,
        )
        + _style(
            "JxSmall", "Jixiao Small", '<w:spacing w:before="60" w:line="300" w:lineRule="auto"/>',
            fonts.body, fonts.table_size + 3, fonts,
        )
        + "</w:styles>"
    )  # fmt: skip


def footer_xml(fonts: FontSet) -> str:
    """Page numbers "— 1 —" in 4号, centred."""
    run_pr = f'<w:rPr>{_rfonts("宋体", fonts.latin)}<w:sz w:val="{fonts.footer_size}"/></w:rPr>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
        f'<w:r>{run_pr}<w:t xml:space="preserve">— </w:t></w:r>'
        f'<w:r>{run_pr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{run_pr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{run_pr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{run_pr}<w:t>1</w:t></w:r>"
        f'<w:r>{run_pr}<w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r>{run_pr}<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>'
    )


def core_xml(title: str, created: datetime | None = None) -> str:
    stamp = (created or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(title)}</dc:title><dc:creator>Jixiao</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Jixiao</Application></Properties>"
)


def custom_item_xml(package_json: str, json_digest: str, body_digest: str, version: str) -> str:
    """The lossless package, kept beside the tables so a round trip is exact."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<jx:package xmlns:jx="{CUSTOM_NS}" format-version="{esc(version)}" json-sha256="{json_digest}" '
        f'body-sha256="{body_digest}">{esc(package_json)}</jx:package>'
    )
