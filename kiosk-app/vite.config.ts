import { fileURLToPath } from 'node:url';
import { appConfig } from '../vite.app.config';

// Four pages: the kiosk itself, the citizen's phone page that the hub serves at /t/<publicId>,
// a procedure's phone page at /p/<code> (R9), and the counter's rating page at /kiosk/rate.html (RT7).
export default appConfig('kiosk', {
  index: fileURLToPath(new URL('./index.html', import.meta.url)),
  phone: fileURLToPath(new URL('./phone.html', import.meta.url)),
  procedure: fileURLToPath(new URL('./procedure.html', import.meta.url)),
  rate: fileURLToPath(new URL('./rate.html', import.meta.url)),
});
