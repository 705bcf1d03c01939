import { FormatFactoryService, type Invoice, type InvoiceServiceOptions, invoiceSchema } from '@e-invoice-eu/core';
import { Ajv2019 } from 'ajv/dist/2019.js';
import {
  DEFAULT_VAT_MENTION,
  type InvoiceDoc,
  legalMentions,
  orderReferencesOf,
  type Party,
} from './invoice-document.js';

const silent = { log() {}, warn() {}, error() {} } as never;
const factory = new FormatFactoryService();
const validators = new Map<string, (data: unknown) => boolean>();

/**
 * InvoiceService.generate() of @e-invoice-eu/core compiles its JSON schema on every call (~200 ms); this
 * does the same steps with the validator compiled once per format, so that a month close stays fast.
 */
async function generate(input: Invoice, options: InvoiceServiceOptions): Promise<string | Uint8Array> {
  const formatter = factory.createFormatService(options.format, silent);
  const format = factory.normalizeFormat(options.format);
  let validate = validators.get(format);
  if (!validate) {
    const ajv = new Ajv2019({ strict: true, allErrors: true, useDefaults: true });
    const schema = structuredClone(invoiceSchema);
    formatter.patchSchema(schema);
    const compiled = ajv.compile(schema);
    validate = (data: unknown) => {
      if (compiled(data)) return true;
      throw new Error(`Invalid invoice data: ${JSON.stringify(compiled.errors).slice(0, 2000)}`);
    };
    validators.set(format, validate);
  }
  const invoice = structuredClone(input);
  validate(invoice);
  formatter.fillInvoiceDefaults(invoice);
  return formatter.generate(invoice, { ...options, format });
}

const amount = (cents: number) => (cents / 100).toFixed(2);

/** ISO 6523 ICD: 0002 is a SIREN (9 digits), 0009 a SIRET (14 digits) — the French legal identifiers. */
export const legalIdScheme = (id: string) => (id.replace(/\s/g, '').length === 14 ? '0009' : '0002');

/**
 * The intra-community VAT number of a French legal person, from its SIREN: FR + key + SIREN, key =
 * (12 + 3 × (SIREN mod 97)) mod 97 (the formula of the tax administration). BT-31 carries it: the SIRET is a
 * legal registration (BT-30), never a tax registration (BT-32), and an exempt invoice (category E) must name
 * the seller's VAT identifier (EN 16931 BR-E-02).
 */
export function frenchVatNumber(siretOrSiren: string): string | null {
  const siren = siretOrSiren.replace(/\s/g, '').slice(0, 9);
  if (!/^[0-9]{9}$/.test(siren)) return null;
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}

function party(p: Party, role: 'seller' | 'buyer') {
  const out: Record<string, unknown> = {
    'cac:PartyName': { 'cbc:Name': p.name },
    'cac:PostalAddress': {
      ...(p.addressLine ? { 'cbc:StreetName': p.addressLine } : {}),
      ...(p.communeName ? { 'cbc:CityName': p.communeName } : {}),
      ...(p.postalCode ? { 'cbc:PostalZone': p.postalCode } : {}),
      'cac:Country': { 'cbc:IdentificationCode': 'FR' },
    },
    'cac:PartyLegalEntity': {
      'cbc:RegistrationName': p.name,
      // BT-30 / BT-47: the legal registration, with its ICD scheme (0009 SIRET, 0002 SIREN).
      ...(p.siret ? { 'cbc:CompanyID': p.siret, 'cbc:CompanyID@schemeID': legalIdScheme(p.siret) } : {}),
    },
  };
  if (p.email) {
    out['cbc:EndpointID'] = p.email;
    out['cbc:EndpointID@schemeID'] = 'EM';
  }
  const vat = role === 'seller' && p.siret ? frenchVatNumber(p.siret) : null;
  if (vat) {
    // BT-31 seller VAT identifier (needed with the VAT exemption category E, BR-E-02).
    out['cac:PartyTaxScheme'] = [{ 'cbc:CompanyID': vat, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }];
  }
  return out;
}

/** The EN 16931 invoice in e-invoice-eu's internal (UBL-shaped) format. */
export function toEn16931(d: InvoiceDoc): Invoice {
  const exempt = d.vatRatePct === 0;
  const taxCategory = exempt
    ? { 'cbc:ID': 'E', 'cbc:Percent': '0', 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }
    : { 'cbc:ID': 'S', 'cbc:Percent': String(d.vatRatePct), 'cac:TaxScheme': { 'cbc:ID': 'VAT' } };
  const buyerReference = d.buyer.chorusServiceCode ?? undefined;
  const inv: Record<string, unknown> = {
    'cbc:CustomizationID': 'urn:cen.eu:en16931:2017',
    'cbc:ID': d.number,
    'cbc:IssueDate': d.issuedOn,
    'cbc:DueDate': d.dueOn,
    'cbc:InvoiceTypeCode': d.kind === 'invoice' ? '380' : '381',
    'cbc:Note': [legalMentions(d).join(' ')],
    'cbc:DocumentCurrencyCode': 'EUR',
    ...(buyerReference ? { 'cbc:BuyerReference': buyerReference } : {}),
    'cac:InvoicePeriod': { 'cbc:StartDate': d.periodStart, 'cbc:EndDate': d.periodEnd },
    // BT-13: the order's engagement number (one order invoiced), never the client's.
    ...(orderReferencesOf(d).length === 1 ? { 'cac:OrderReference': { 'cbc:ID': orderReferencesOf(d)[0] } } : {}),
    ...(d.creditedInvoice
      ? {
          'cac:BillingReference': [
            {
              'cac:InvoiceDocumentReference': {
                'cbc:ID': d.creditedInvoice.number,
                'cbc:IssueDate': d.creditedInvoice.issuedOn,
              },
            },
          ],
        }
      : {}),
    'cac:AccountingSupplierParty': { 'cac:Party': party(d.seller, 'seller') },
    'cac:AccountingCustomerParty': { 'cac:Party': party(d.buyer, 'buyer') },
    'cac:Delivery': { 'cbc:ActualDeliveryDate': d.periodEnd },
    'cac:PaymentMeans': [
      // 59: SEPA direct debit under the client's mandate (BT-89); otherwise a transfer to the AI's account.
      d.sepaMandate
        ? { 'cbc:PaymentMeansCode': '59', 'cac:PaymentMandate': { 'cbc:ID': d.sepaMandate.rum } }
        : d.seller.iban
          ? { 'cbc:PaymentMeansCode': '30', 'cac:PayeeFinancialAccount': { 'cbc:ID': d.seller.iban } }
          : { 'cbc:PaymentMeansCode': '1' },
    ],
    'cac:PaymentTerms': { 'cbc:Note': `Paiement à ${d.paymentTermsDays} jours.` },
    'cac:TaxTotal': [
      {
        'cbc:TaxAmount': amount(d.vatCents),
        'cbc:TaxAmount@currencyID': 'EUR',
        'cac:TaxSubtotal': [
          {
            'cbc:TaxableAmount': amount(d.netCents),
            'cbc:TaxableAmount@currencyID': 'EUR',
            'cbc:TaxAmount': amount(d.vatCents),
            'cbc:TaxAmount@currencyID': 'EUR',
            'cac:TaxCategory': exempt
              ? { ...taxCategory, 'cbc:TaxExemptionReason': d.vatMention ?? DEFAULT_VAT_MENTION }
              : taxCategory,
          },
        ],
      },
    ],
    'cac:LegalMonetaryTotal': {
      'cbc:LineExtensionAmount': amount(d.netCents),
      'cbc:LineExtensionAmount@currencyID': 'EUR',
      'cbc:TaxExclusiveAmount': amount(d.netCents),
      'cbc:TaxExclusiveAmount@currencyID': 'EUR',
      'cbc:TaxInclusiveAmount': amount(d.totalCents),
      'cbc:TaxInclusiveAmount@currencyID': 'EUR',
      'cbc:PayableAmount': amount(d.totalCents),
      'cbc:PayableAmount@currencyID': 'EUR',
    },
    'cac:InvoiceLine': d.lines.map((l, i) => {
      const quantity = l.minutes !== null ? (l.minutes / 60).toFixed(4) : String(l.count);
      return {
        'cbc:ID': String(i + 1),
        'cbc:InvoicedQuantity': quantity,
        'cbc:InvoicedQuantity@unitCode': l.minutes !== null ? 'HUR' : 'C62',
        'cbc:LineExtensionAmount': amount(l.totalCents),
        'cbc:LineExtensionAmount@currencyID': 'EUR',
        'cac:Item': { 'cbc:Name': l.label, 'cac:ClassifiedTaxCategory': taxCategory },
        'cac:Price': {
          // Net price to the cent (the schema allows 2 decimals); the line amount is computed from the minutes.
          'cbc:PriceAmount': amount(Math.round(l.unitPrice)),
          'cbc:PriceAmount@currencyID': 'EUR',
        },
      };
    }),
  };
  return { 'ubl:Invoice': inv } as unknown as Invoice;
}

/** The CII XML alone (EN 16931), for Chorus Pro or an approved platform. */
export async function ciiXml(d: InvoiceDoc): Promise<string> {
  const out = await generate(toEn16931(d), { format: 'CII', lang: 'fr-fr', noWarnings: true });
  return typeof out === 'string' ? out : Buffer.from(out).toString('utf8');
}

/**
 * The Factur-X service of @e-invoice-eu/core builds its CII XML through its parent class (FormatCIIService)
 * and then wraps the PDF (attachment, PDF/A-3 metadata). The XML is the slow part, and its Factur-X variant
 * drops the purchase order reference (BT-13, the Chorus Pro commitment number): so the parent's generate()
 * is given the XML built once by ciiXml(), and the embedded factur-x.xml is exactly the standalone XML.
 */
const prepared = new WeakMap<object, string>();
let patched = false;
function embedPreparedXml(formatter: object) {
  if (patched) return;
  const ciiProto = Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(formatter)));
  const original = ciiProto.generate;
  ciiProto.generate = function (this: unknown, invoice: object, options: object) {
    const xml = prepared.get(options);
    return xml !== undefined ? Promise.resolve(xml) : original.call(this, invoice, options);
  };
  patched = true;
}

/** The Factur-X EN 16931 PDF/A-3: the human PDF with factur-x.xml (the given CII XML) attached. */
export async function facturXPdf(d: InvoiceDoc, pdf: Buffer, xml?: string): Promise<Buffer> {
  const cii = xml ?? (await ciiXml(d));
  const formatter = factory.createFormatService('Factur-X-EN16931', silent);
  embedPreparedXml(formatter);
  const options = {
    format: factory.normalizeFormat('Factur-X-EN16931'),
    lang: 'fr-fr',
    noWarnings: true,
    pdf: { buffer: new Uint8Array(pdf), filename: `${d.number}.pdf`, mimetype: 'application/pdf' },
  };
  prepared.set(options, cii);
  const invoice = structuredClone(toEn16931(d));
  formatter.fillInvoiceDefaults(invoice);
  const out = await formatter.generate(invoice, options);
  return Buffer.from(out as Uint8Array);
}
