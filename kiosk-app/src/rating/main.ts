import { mountApp } from '@luot/shared/client/mount';
import RatingApp from './RatingApp.vue';

mountApp(RatingApp);
