/* Stand-in for Windows' own icuuc.dll, for the Windows check under Wine only (never shipped).
 *
 * Qt 6.7+ Qt6Core.dll imports ICU's converter functions (ucnv_*) from icuuc.dll, which Windows 10
 * 1903 and later carry in System32 and Wine does not. The viewer only ever converts UTF-8 and
 * UTF-16, which Qt does itself; these converters all fail, so Qt falls back to its own codecs.
 * The check compares this file's exports with Qt6Core.dll's imports before it builds anything.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)

typedef int32_t UErrorCode;
typedef uint16_t UChar;
enum { U_ZERO_ERROR = 0, U_UNSUPPORTED_ERROR = 16 };

static void fail(UErrorCode *status)
{
    if (status != NULL && *status <= U_ZERO_ERROR)
        *status = U_UNSUPPORTED_ERROR;
}

EXPORT void *ucnv_open(const char *name, UErrorCode *status) { (void)name; fail(status); return NULL; }
EXPORT void ucnv_close(void *converter) { (void)converter; }
EXPORT void ucnv_reset(void *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const void *converter) { (void)converter; return 1; }
EXPORT const char *ucnv_getName(const void *converter, UErrorCode *status)
{ (void)converter; fail(status); return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *status)
{ (void)name; (void)standard; fail(status); return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }

EXPORT void ucnv_getToUCallBack(const void *converter, void **action, const void **context)
{ (void)converter; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_getFromUCallBack(const void *converter, void **action, const void **context)
{ (void)converter; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_setToUCallBack(void *converter, void *action, const void *context, void **old_action,
                                const void **old_context, UErrorCode *status)
{ (void)converter; (void)action; (void)context; (void)old_action; (void)old_context; fail(status); }
EXPORT void ucnv_setFromUCallBack(void *converter, void *action, const void *context, void **old_action,
                                  const void **old_context, UErrorCode *status)
{ (void)converter; (void)action; (void)context; (void)old_action; (void)old_context; fail(status); }

EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *units, int32_t length,
                                            int32_t code_point, int reason, UErrorCode *status)
{ (void)context; (void)args; (void)units; (void)length; (void)code_point; (void)reason; fail(status); }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units, int32_t length,
                                          int reason, UErrorCode *status)
{ (void)context; (void)args; (void)units; (void)length; (void)reason; fail(status); }
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit, int32_t offset,
                                    UErrorCode *status)
{ (void)args; (void)source; (void)limit; (void)offset; fail(status); }
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset,
                                  UErrorCode *status)
{ (void)args; (void)source; (void)length; (void)offset; fail(status); }

EXPORT void ucnv_toUnicode(void *converter, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *status)
{ (void)converter; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
  (void)flush; fail(status); }
EXPORT void ucnv_fromUnicode(void *converter, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, int8_t flush, UErrorCode *status)
{ (void)converter; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
  (void)flush; fail(status); }
EXPORT int32_t ucnv_toUCountPending(const void *converter, UErrorCode *status)
{ (void)converter; fail(status); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *converter, UErrorCode *status)
{ (void)converter; fail(status); return 0; }

int __stdcall DllMain(void *instance, unsigned long reason, void *reserved)
{ (void)instance; (void)reason; (void)reserved; return 1; }
