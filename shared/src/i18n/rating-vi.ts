/**
 * The satisfaction rating (RT1–RT8): the counter's rating page and the phone page's rating. A
 * public part (I5): "công dân" here becomes "Ông/Bà" when the centre chooses it.
 */
export const ratingVi = {
  title: 'Đánh giá mức độ hài lòng',
  levels: {
    verySatisfied: 'Rất hài lòng',
    satisfied: 'Hài lòng',
    neutral: 'Bình thường',
    dissatisfied: 'Không hài lòng',
    veryDissatisfied: 'Rất không hài lòng',
  },
  counter: 'Quầy {n}',
  idle: 'Mời công dân đánh giá sau khi được phục vụ',
  idleHint: 'Khi cán bộ hoàn thành hồ sơ, màn hình sẽ hiện số thứ tự của công dân để đánh giá.',
  nothingToRate: 'Quầy chưa có lượt phục vụ nào cần đánh giá.',
  ask: 'Công dân có hài lòng với lượt phục vụ số {label}?',
  askPhone: 'Công dân có hài lòng với lượt phục vụ này?',
  reasonAsk: 'Công dân chưa hài lòng vì điều gì? (không bắt buộc)',
  skipReason: 'Gửi đánh giá',
  thanks: 'Cảm ơn công dân đã đánh giá!',
  thanksHint: 'Ý kiến của công dân giúp trung tâm phục vụ tốt hơn.',
  rated: 'Công dân đã đánh giá: {level}',
  anonymous: 'Đánh giá không ghi tên, không gắn với thông tin cá nhân.',
  offline: 'Màn hình đánh giá đang kết nối lại với máy chủ…',
  /** The admin console's part of the centre page (RT1–RT3). */
  settings: {
    title: 'Đánh giá mức độ hài lòng',
    scale: 'Thang đánh giá',
    scales: { three: '3 mức (mặc định)', five: '5 mức' },
    reasons: 'Lý do chưa hài lòng',
    reasonsHint: 'Mỗi dòng một lý do; để trống nếu không hỏi lý do.',
    window: 'Thời gian đánh giá tại quầy (giây)',
    windowHint: 'Tính từ lúc cán bộ hoàn thành; trên điện thoại được đánh giá đến hết ngày.',
    page: 'Màn hình đánh giá tại quầy: /kiosk/rate.html, ghép nối bằng mã của quầy.',
  },
};
