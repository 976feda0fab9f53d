import { DEFAULT_PRIORITY_CATEGORIES, type CentreSettings, type Counter, type Service } from '@luot/shared';

/** A commune centre as the reform left them: five fields, six counters, two screens. */
export const DEMO_SETTINGS: CentreSettings = {
  name: 'Trung tâm Phục vụ hành chính công xã Mù Cang Chải',
  blockSize: 1000,
  numberFormat: 'numeric',
  priorityCategories: DEFAULT_PRIORITY_CATEGORIES,
  maxPriorityInRow: 2,
  defaultServiceSeconds: 300,
};

/**
 * The demo takes numbers at any hour of any day, so `npm start` works at night and at weekends
 * (Q23); a real centre's sessions are its own (e.g. 07:30–11:30 and 13:30–17:00 on weekdays).
 */
const ALL_DAY = [{ from: '00:00', to: '24:00' }];
const hours = {
  opensAt: '07:30',
  closesAt: '17:00',
  schedule: { week: [ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY] },
};

export const DEMO_SERVICES: Service[] = [
  { id: 1, block: 1, name: 'Đất đai', nameEn: 'Land', field: 'Đất đai', ...hours },
  {
    id: 2,
    block: 2,
    name: 'Tư pháp – Hộ tịch',
    nameEn: 'Justice and civil status',
    field: 'Tư pháp – Hộ tịch',
    ...hours,
  },
  { id: 3, block: 3, name: 'Đăng ký kinh doanh', nameEn: 'Business registration', field: 'Kinh doanh', ...hours },
  { id: 4, block: 4, name: 'Xây dựng', nameEn: 'Construction', field: 'Xây dựng', ...hours },
  {
    id: 5,
    block: 5,
    name: 'Lao động – Thương binh và Xã hội',
    nameEn: 'Labour, invalids and social affairs',
    field: 'Lao động – TB&XH',
    ...hours,
  },
];

export const DEMO_COUNTERS: Counter[] = [
  { id: 1, number: 1, name: 'Quầy 1', serviceIds: [1], paused: false },
  { id: 2, number: 2, name: 'Quầy 2', serviceIds: [1, 4], paused: false },
  { id: 3, number: 3, name: 'Quầy 3', serviceIds: [2], paused: false },
  { id: 4, number: 4, name: 'Quầy 4', serviceIds: [2, 5], paused: false },
  { id: 5, number: 5, name: 'Quầy 5', serviceIds: [3, 4], paused: false },
  { id: 6, number: 6, name: 'Quầy 6', serviceIds: [5, 3], paused: false },
];

export const DEMO_DISPLAYS = [
  { id: 1, name: 'Màn hình sảnh chính' },
  { id: 2, name: 'Màn hình hành lang' },
];

/** Demo officers; every demo PIN is 1234. */
export const DEMO_OFFICERS = ['Lan', 'Hùng', 'Minh', 'Thu', 'Nam', 'Hoa'];
export const DEMO_PIN = '1234';
