import { DomainError, type Clock } from '@luot/shared';
import { outcome, type ActionTable } from '../../actions';
import type { DeviceRepository } from './device-repository';

/**
 * The admin's view of device tokens (SPEC G1, G2): list them, revoke one. A revoke commits, is
 * answered, then the revoked device's open sockets are dropped (the `deviceRevoked` event).
 */
export function deviceActions(
  devices: DeviceRepository,
  clock: Clock,
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
        // Even when it was revoked before: a socket the luot command's revoke has not dropped yet goes now.
        return outcome(revoked.device, ['deviceRevoked', deviceId]);
      },
    },
  };
}
