import 'server-only';
import QRCode from 'qrcode';

/** The QR code of an address, drawn on the server as SVG (no request to anyone), as an image source. */
export async function qrImage(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
