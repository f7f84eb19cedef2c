/* The six C99 complex accessors that numpy's Windows wheels call in ucrtbase.dll and Wine 8-10
 * leave unimplemented (importing numpy aborts). For the Windows check under Wine only (never
 * shipped): built into a ucrtbase.dll whose other exports all forward to Wine's own ucrtbase,
 * copied beside it under another name (the .def is written by the check from Wine's export list).
 *
 * The Universal CRT's complex types are structs of two floats or doubles (long double is double
 * on Windows); the Windows x64 convention passes the 8-byte one in a register and the 16-byte ones
 * by reference, as gcc does for these structs when targeting mingw-w64.
 */
typedef struct { float part[2]; } Fcomplex;
typedef struct { double part[2]; } Dcomplex;

__declspec(dllexport) float crealf(Fcomplex z) { return z.part[0]; }
__declspec(dllexport) float cimagf(Fcomplex z) { return z.part[1]; }
__declspec(dllexport) double creal(Dcomplex z) { return z.part[0]; }
__declspec(dllexport) double cimag(Dcomplex z) { return z.part[1]; }
__declspec(dllexport) double creall(Dcomplex z) { return z.part[0]; }
__declspec(dllexport) double cimagl(Dcomplex z) { return z.part[1]; }

int __stdcall DllMain(void *instance, unsigned long reason, void *reserved)
{ (void)instance; (void)reason; (void)reserved; return 1; }
