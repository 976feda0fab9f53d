import { addressAs, type AddressForm } from '../model/centre';
import type { Messages } from './vi';

/** I5: the parts of the catalogue that speak to the citizen: the kiosk, the phone page, the wall, the ticket. */
const PUBLIC_PARTS = ['wait', 'kiosk', 'phone', 'display', 'dossiers', 'printedTicket', 'opening', 'rating'] as const;

type Tree = { [k: string]: string | Tree };
const mapLeaves = (t: Tree, f: (s: string) => string): Tree =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'string' ? f(v) : mapLeaves(v, f)]));

/**
 * I5: the Vietnamese catalogue in the centre's register: every public message says "Ông/Bà" where
 * it said "công dân" when the centre chose it. Staff messages ("Không còn công dân nào đang chờ")
 * speak of citizens, not to them, and are left as they are.
 */
export function withAddressForm(messages: Messages, form: AddressForm): Messages {
  if (form === 'congDan') return messages;
  const out = { ...messages } as Record<string, unknown>;
  for (const part of PUBLIC_PARTS) out[part] = mapLeaves(messages[part], (s) => addressAs(s, form));
  return out as Messages;
}
