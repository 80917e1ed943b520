import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, detectDelimiter, detectEncoding } from './csv';

describe('reading CSV files from the field', () => {
  it('detects the encoding: UTF-8, UTF-8 with a BOM, else Windows-1252', () => {
    expect(detectEncoding(Buffer.from('Médiathèque;Ville', 'utf8'))).toBe('utf8');
    expect(detectEncoding(Buffer.from('\uFEFFMédiathèque', 'utf8'))).toBe('utf8-bom');
    expect(detectEncoding(iconv.encode('Médiathèque – Œuvre', 'win1252'))).toBe('windows-1252');
    expect(decode(iconv.encode('Médiathèque – Œuvre', 'win1252'))).toBe('Médiathèque – Œuvre');
    expect(decode(Buffer.from('\uFEFFnom', 'utf8'))).toBe('nom');
  });

  it('detects the delimiter from the header, ignoring what is inside quotes', () => {
    expect(detectDelimiter('"nom;court","adresse","cp"\n1;2;3')).toBe(',');
    expect(detectDelimiter('nom;adresse;cp\r\nA,B;C;D')).toBe(';');
    expect(detectDelimiter('nom\tadresse\tcp\n')).toBe('\t');
    expect(detectDelimiter('"multi\nligne";b;c\n')).toBe(';');
  });
});
