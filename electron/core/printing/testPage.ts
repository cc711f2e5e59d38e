/** The "Page de test": proves the connection, the paper width, the code page (accents, €), emphasis, QR and cut. */
import { formatDateTime } from '../../../shared/dates';
import { pt } from './catalogue';
import { columnsFor, type PaperWidth, type Slip } from './slip';

export interface TestPageInput {
  printerLabel: string;
  paper: PaperWidth;
  dialect: string;
  codePage: string;
  at: string;
  timeZone: string;
}

export const TEST_PAGE_QR = 'GUICHET:v1;TEST';

export function buildTestPage(input: TestPageInput): Slip {
  return {
    title: pt('test_page.title'),
    blocks: [
      { kind: 'text', text: pt('test_page.heading'), align: 'center', bold: true, size: 'large' },
      { kind: 'separator', char: '=' },
      { kind: 'pair', label: pt('test_page.printer'), value: input.printerLabel },
      {
        kind: 'pair',
        label: pt('test_page.paper'),
        value: pt('test_page.paper_value', { width: input.paper, columns: columnsFor(input.paper) }),
      },
      { kind: 'pair', label: pt('test_page.dialect'), value: input.dialect },
      { kind: 'pair', label: pt('test_page.code_page'), value: input.codePage },
      { kind: 'separator' },
      { kind: 'text', text: pt('test_page.accents') },
      { kind: 'text', text: pt('test_page.capitals') },
      { kind: 'text', text: pt('test_page.euro'), bold: true },
      { kind: 'text', text: pt('test_page.sizes'), size: 'large', align: 'center' },
      { kind: 'separator' },
      { kind: 'qr', payload: TEST_PAGE_QR },
      {
        kind: 'text',
        text: pt('test_page.printed_at', { when: formatDateTime(input.at, input.timeZone) }),
        align: 'center',
      },
    ],
  };
}
