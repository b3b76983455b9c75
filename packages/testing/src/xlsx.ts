import { crc32, deflateRawSync } from 'node:zlib';

/** A ZIP of `parts`, deflated; `declare` overrides the uncompressed size written in the headers (a lying bomb). */
export function zipArchive(parts: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const packed = deflateRawSync(p.data, { level: 9 });
    const size = p.declare ?? p.data.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(p.data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(p.data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    central.push(dir, name);
    offset += head.length + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/**
 * A hand-made .xlsx (what the kernel's reader needs, no more): one sheet with `sheetData` as given (the rows' XML, or the whole
 * part's bytes), and a shared-string table when `shared` is given; `declare` overrides the sheet's declared size.
 */
export function handmadeXlsx(sheetData: Buffer | string, opts: { shared?: Buffer | string; declare?: number } = {}): Buffer {
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  return zipArchive([
    {
      name: '_rels/.rels',
      data: xml(`<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    { name: 'xl/workbook.xml', data: xml(`<workbook xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    ...(opts.shared !== undefined ? [{ name: 'xl/sharedStrings.xml', data: typeof opts.shared === 'string' ? xml(opts.shared) : opts.shared }] : []),
    {
      name: 'xl/worksheets/sheet1.xml',
      data: typeof sheetData === 'string' ? xml(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`) : sheetData,
      ...(opts.declare !== undefined ? { declare: opts.declare } : {}),
    },
  ]);
}
