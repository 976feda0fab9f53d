import { DomainError, fillMessage, vi, type Clock } from '@luot/shared';
import { outcome, type ActionTable } from '../../actions';
import { actorOf, type AuditLog } from '../audit/audit-log';
import type { DeviceRepository } from './device-repository';

/**
 * The admin's view of device tokens (SPEC G1, G2): list them, revoke one. A revoke commits, is
 * answered, then the revoked device's open sockets are dropped (the `deviceRevoked` event).
 */
export function deviceActions(
  devices: DeviceRepository,
  clock: Clock,
  audit: AuditLog,
): Pick<ActionTable, 'device:list' | 'device:revoke'> {
  return {
    'device:list': {
      roles: ['admin'],
      run: () => outcome({ devices: devices.list() }),
    },
    'device:revoke': {
      roles: ['admin'],
      run: (device, { deviceId }) => {
        // G2: an admin would lock itself out; another admin token (luot token create) revokes this one.
        if (deviceId === device.id) throw new DomainError('DEVICE_SELF_REVOKE');
        const revoked = devices.revoke(deviceId, clock.now());
        if (!revoked) throw new DomainError('DEVICE_NOT_FOUND');
        // C9: in the admin audit log (a repeated revoke changes nothing and writes nothing).
        if (revoked.changed) {
          const { id, label } = revoked.device;
          audit.record(actorOf(device), 'device.revoked', fillMessage(vi.pairing.audit.revoked, { id, label }));
        }
        // Even when it was revoked before: a socket the luot command's revoke has not dropped yet goes now.
        return outcome(revoked.device, ['deviceRevoked', deviceId]);
      },
    },
  };
}
