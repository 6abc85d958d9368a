import { describe, expect, it } from '@jest/globals';
import { mount } from '@vue/test-utils';
import { defineComponent } from 'vue';
import { ApiError } from '@/api/http';
import { testI18n } from '@/testing/i18n';
import { useErrorMessage } from './useErrorMessage';

/** Runs the composable inside a component, as the app does. */
function withErrorMessage(locale: 'zh-CN' | 'en' = 'zh-CN') {
  let api!: ReturnType<typeof useErrorMessage>;
  mount(
    defineComponent({
      setup() {
        api = useErrorMessage();
        return () => null;
      },
    }),
    { global: { plugins: [testI18n(locale)] } },
  );
  return api;
}

describe('useErrorMessage', () => {
  it('When the server sends a known code, then the message is the translation, not the server\'s English', () => {
    const { errorMessage } = withErrorMessage();
    expect(errorMessage(new ApiError('forbidden', 'Forbidden', 403))).toBe('没有权限执行此操作');
    expect(withErrorMessage('en').errorMessage(new ApiError('network', 'x', 0))).not.toBe('x');
  });

  it('When the code is unknown, then a generic sentence is shown, never the server\'s own wording', () => {
    const { errorMessage } = withErrorMessage();
    expect(errorMessage(new ApiError('brand_new_code', 'Something new', 400))).toBe('服务器内部错误');
    expect(errorMessage(new ApiError('brand_new_code', '', 400))).toBe('服务器内部错误');
    expect(errorMessage('a thrown string')).toBe('服务器内部错误');
  });

  it('When validation fails, then each field gets its message by path', () => {
    const { fieldErrors } = withErrorMessage();
    const err = new ApiError('validation_failed', 'bad', 400, [{ path: 'name', message: '必填' }, { path: 'phone' }, { message: 'no path' }]);
    expect(fieldErrors(err)).toEqual({ name: '必填', phone: '提交的内容不符合要求' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
