import { fileURLToPath } from 'node:url';
import { appConfig } from '../vite.app.config';

// Two pages: the kiosk itself, and the citizen's phone page that the hub serves at /t/<publicId>.
export default appConfig('kiosk', {
  index: fileURLToPath(new URL('./index.html', import.meta.url)),
  phone: fileURLToPath(new URL('./phone.html', import.meta.url)),
});
