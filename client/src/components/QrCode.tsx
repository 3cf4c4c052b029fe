import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The join link as a QR code; the encoder is loaded only by the screens that show one. */
export function QrCode({ link, size = 240 }: { link: string; size?: number }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    void import('qrcode').then(async (QRCode) => {
      const svg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      if (!cancelled) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      cancelled = true;
    };
  }, [link]);
  return src ? (
    <img className="qr" src={src} width={size} height={size} alt={t('share.qrAlt', { link })} data-testid="qr" />
  ) : (
    <div className="qr" style={{ width: size, height: size }} />
  );
}
