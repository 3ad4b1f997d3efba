// Vietnamese first, English second. Each app adds its own words (I18nProvider's `messages`); these are the ones
// every app shares.
export type Locale = 'vi' | 'en';
export const locales: readonly Locale[] = ['vi', 'en'];
export type Messages = Record<string, string>;
export type Catalog = Record<Locale, Messages>;

export const sharedMessages: Catalog = {
  vi: {
    'app.language': 'Ngôn ngữ',
    'app.loading': 'Đang tải…',
    'app.retry': 'Thử lại',
    'app.save': 'Lưu',
    'app.cancel': 'Huỷ',
    'app.close': 'Đóng',
    'app.skipToContent': 'Bỏ qua đến nội dung chính',
    'auth.signIn': 'Đăng nhập',
    'auth.signOut': 'Đăng xuất',
    'auth.email': 'Email',
    'auth.password': 'Mật khẩu',
    'auth.signInTitle': 'Đăng nhập GoShop',
    'auth.sessionEnded': 'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.',
    'auth.signedInAs': 'Xin chào, {name}',
    'error.network': 'Không kết nối được tới GoShop. Kiểm tra mạng rồi thử lại.',
    'error.unauthenticated': 'Bạn cần đăng nhập để tiếp tục.',
    'error.forbidden': 'Bạn không có quyền làm việc này.',
    'error.unexpected': 'Đã có lỗi xảy ra. Vui lòng thử lại sau ít phút.',
    'error.generic': 'Không thực hiện được yêu cầu: {message}',
    'error.notFound': 'Không tìm thấy trang này.',
  },
  en: {
    'app.language': 'Language',
    'app.loading': 'Loading…',
    'app.retry': 'Try again',
    'app.save': 'Save',
    'app.cancel': 'Cancel',
    'app.close': 'Close',
    'app.skipToContent': 'Skip to main content',
    'auth.signIn': 'Sign in',
    'auth.signOut': 'Sign out',
    'auth.email': 'Email',
    'auth.password': 'Password',
    'auth.signInTitle': 'Sign in to GoShop',
    'auth.sessionEnded': 'Your session has ended. Please sign in again.',
    'auth.signedInAs': 'Hello, {name}',
    'error.network': 'Cannot reach GoShop. Check your connection and try again.',
    'error.unauthenticated': 'Please sign in to continue.',
    'error.forbidden': 'You are not allowed to do this.',
    'error.unexpected': 'Something went wrong. Please try again in a few minutes.',
    'error.generic': 'That did not work: {message}',
    'error.notFound': 'This page does not exist.',
  },
};

/** Replaces {name} placeholders. */
export function interpolate(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
