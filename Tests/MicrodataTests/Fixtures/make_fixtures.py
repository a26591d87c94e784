#!/usr/bin/env python3
"""Writes the small fixture files of MicrodataTests (run from this folder: python3 make_fixtures.py).

Every file is tiny and hand-written here so that each test can name the exact line and column
it expects. Encodings and compression are produced with Python's codecs and gzip modules.
"""
import gzip
import os

here = os.path.dirname(os.path.abspath(__file__))


def write(name, text, encoding="utf-8", newline="\n"):
    data = text.replace("\n", newline).encode(encoding)
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


def write_bytes(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


persons = """lopnr;ar;kon;alder;utbildning;fodelseland;kommun
1000001;2017;1;34;4;1;0180
1000002;2017;2;14;;1;0180
1000003;2017;1;17;2;9;0114
1000004;2017;2;65;US;3;0192
1000005;2017;1;99;7;..;0127
1000006;2017;2;18;5;2;0160
"""
write("persons.csv", persons)

suspects = """lopnr;ar;kon;alder;utbildning;fodelseland;brottstyp;antal_misstankar
1000001;2017;1;34;4;1;vnr_partner;2
1000003;2017;1;17;2;9;vbek;1
1000005;2017;1;99;7;..;sexkop;1
1000006;2017;2;18;5;2;vbek;3
1000099;2017;1;45;3;5;vnr_barn;1
"""
write("suspects.csv", suspects)

# ISO-8859-1 and Windows-1252 with å ä ö in the header and in values.
latin = """lopnr;kön;ålder;kommunnamn;kommentar
1;1;34;Österåker;Ärende på väg
2;2;51;Järfälla;Öppen, ändrad
"""
write("latin1.csv", latin, "latin-1")
win = """lopnr;kön;ålder;kommunnamn;kommentar
1;1;34;Täby;Kostnad 5 € – “citat”
2;2;51;Södertälje;Åsa säger ‘hej’
"""
write("windows1252.csv", win, "cp1252")

# Comma-delimited, quoted fields with delimiter, doubled quotes and an embedded newline.
write(
    "quoted.csv",
    'lopnr,brottskod,kommentar,kon\n'
    '1,0930,"Sa ""hej"", sen gick han",1\n'
    '2,0931,"Två rader:\nandra raden",2\n'
    '3,0932,enkel,1\n',
)

write("crlf.csv", "lopnr;kon;alder\n1;1;20\n2;2;30\n3;1;40\n", newline="\r\n")
write_bytes("bom.csv", b"\xef\xbb\xbf" + "lopnr;kon;alder\n1;2;20\n2;1;30\n".encode())
write("tab.tsv", "lopnr\tkon\talder\tbrottstyp\n1\t1\t20\tvbek\n2\t2\t30\tsexkop\n")
write("comma.csv", "lopnr,kon,alder,brottstyp\n1,1,20,vbek\n2,2,30,sexkop\n")
write("decimal_comma.csv", "lopnr;kon;vikt;andel\n1;1;3,5;0,25\n2;2;12;1,0\n3;1;;2,5e-1\n")
write("trailing_blank_lines.csv", "lopnr;kon;alder\n1;1;20\n2;2;30\n\n\n  \n")
with gzip.GzipFile(os.path.join(here, "persons.csv.gz"), "wb", mtime=0) as f:
    f.write(persons.encode())

# Another delivery: other column names and codes, read through its own codebook.
write("other_delivery.csv", "id,sex,age,edu,region\nA17,M,34,gy,N\nB02,K,51,hu,S\nC33,K,16,,N\nD40,M,70,gr,S\n")
write(
    "other_codebook.yaml",
    """name: other-delivery
missing: ["", "NA"]
variables:
  lopnr:
    type: id
    columns: [id]
    required: true
    unique: true
  kon:
    type: categorical
    columns: [sex]
    codes:
      M: {sv: Man, en: Man}
      K: {sv: Kvinna, en: Woman}
  alder:
    type: integer
    columns: [age]
    range: [0, 110]
  utbildning:
    type: categorical
    columns: [edu]
    codes:
      gr: {sv: Grundskola, en: Compulsory school}
      gy: {sv: Gymnasium, en: Upper secondary}
      hu: {sv: Högskola, en: University}
groupings:
  utbildningsniva:
    from: utbildning
    levels:
      - {code: forgymnasial, codes: [gr], sv: Förgymnasial, en: Primary}
      - {code: gymnasial, codes: [gy], sv: Gymnasial, en: Secondary}
      - {code: eftergymnasial, codes: [hu], sv: Eftergymnasial, en: Tertiary}
      - {code: saknas, missing: true, sv: Uppgift saknas, en: Not known}
  aldersgrupp:
    from: alder
    levels:
      - {code: "15-64", range: [15, 64]}
      - {code: "65+", min: 65}
""",
)

write("suspicions.csv", "lopnr;datum;brottskod;brottstyp\n1000001;2017-03-01;0930;vnr_partner\n1000001;2018-01-15;0930;vnr_partner\n1000003;20170704;9301;vbek\n1000006;;0931;vbek\n")

# Malformed files: each test names the exact error, line and column.
m = "malformed/"
write(m + "unterminated_quote.csv", 'lopnr;brottskod;kon\n1;"0930;1\n2;0931;2\n')
write(m + "wrong_column_count.csv", "lopnr;kon;alder\n1;1;20\n2;2\n3;1;40\n")
write(m + "unknown_code.csv", "lopnr;kon;alder\n1;1;20\n2;1;30\n3;3;40\n")
write(m + "out_of_range.csv", "lopnr;kon;alder\n1;1;20\n2;2;130\n")
write(m + "bad_number.csv", "lopnr;kon;alder\n1;1;20\n2;2;tjugo\n")
write(m + "bad_date.csv", "lopnr;datum\n1;2017-02-28\n2;2017-02-29\n")
write_bytes(m + "undecodable.csv", "lopnr;kommunnamn\n1;Täby\n".encode() + "2;Järfälla\n".encode("latin-1"))
write_bytes(m + "empty.csv", b"")
write(m + "blank_only.csv", "\n\n  \n")
write(m + "missing_column.csv", "lopnr;kon;aldr\n1;1;20\n")
write(m + "duplicate_key.csv", "id,sex,age,edu,region\nA17,M,34,gy,N\nB02,K,51,hu,S\nA17,K,16,,N\n")
write(m + "malformed_quote.csv", 'lopnr;brottskod;kon\n1;"0930"x;1\n')
write(m + "quoted_newline_then_bad.csv", 'lopnr,kommentar,kon\n1,"rad ett\nrad två",1\n2,ok,7\n')
# Issue #12: a repeated header name, and reversed or overlapping ranges in a grouping.
write(m + "duplicate_header.csv", "lopnr;kon;alder;Kon\n1;1;20;2\n")
write(m + "reversed_range.yaml", "variables:\n  alder: {type: integer}\ngroupings:\n  aldersgrupp:\n    from: alder\n    levels:\n      - {code: '15-17', range: [15, 17]}\n      - {code: '18-24', range: [24, 18]}\n")
write(m + "overlapping_range.yaml", "variables:\n  alder: {type: integer}\ngroupings:\n  aldersgrupp:\n    from: alder\n    levels:\n      - {code: '15-24', range: [15, 24]}\n      - {code: '18-34', range: [18, 34]}\n")
with open(os.path.join(here, "persons.csv.gz"), "rb") as f:
    compressed = f.read()
write_bytes(m + "truncated.csv.gz", compressed[: len(compressed) // 2])
