//! Accepting any contiguous buffer (bytes, bytearray, memoryview, mmap, array, ...)
//! for data arguments, without copying it; writing into the caller's writable buffers;
//! and allocating `bytes` results without zeroing them first.
//!
//! oxicrypt ships one abi3 wheel for CPython >= 3.9, and the buffer protocol only entered
//! the limited API in 3.11, so PyO3 does not offer `PyBuffer` for this build. The two
//! functions used here have been exported by every CPython 3 interpreter with an unchanged
//! ABI (the `Py_buffer` layout is documented and stable), so they are declared directly.
//! This is the one place outside `oxicrypt-openssl` with `unsafe` code: a deliberate
//! exception, since the alternative is copying every non-`bytes` input.

use std::ffi::{c_char, c_int, c_void};
use std::marker::PhantomData;

use pyo3::exceptions::{PyBufferError, PyTypeError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// `Py_buffer` from CPython's `object.h` / `pybuffer.h`.
#[repr(C)]
pub(crate) struct RawBuffer {
    pub(crate) buf: *mut c_void,
    pub(crate) obj: *mut ffi::PyObject,
    pub(crate) len: ffi::Py_ssize_t,
    pub(crate) itemsize: ffi::Py_ssize_t,
    pub(crate) readonly: c_int,
    pub(crate) ndim: c_int,
    pub(crate) format: *mut c_char,
    pub(crate) shape: *mut ffi::Py_ssize_t,
    pub(crate) strides: *mut ffi::Py_ssize_t,
    pub(crate) suboffsets: *mut ffi::Py_ssize_t,
    pub(crate) internal: *mut c_void,
}

/// `PyBUF_RECORDS_RO` (`PyBUF_STRIDES | PyBUF_FORMAT`): read only, with the strides and
/// item format filled in so that contiguity and item type can be checked here. Asking for
/// `PyBUF_SIMPLE` instead would let exporters refuse views that are contiguous in fact
/// (an empty slice with a step) and would hide the item format.
const PYBUF_RECORDS_RO: c_int = 0x0018 | 0x0004;

extern "C" {
    pub(crate) fn PyObject_GetBuffer(
        obj: *mut ffi::PyObject,
        view: *mut RawBuffer,
        flags: c_int,
    ) -> c_int;
    pub(crate) fn PyBuffer_Release(view: *mut RawBuffer);
    pub(crate) fn PyBuffer_IsContiguous(view: *const RawBuffer, order: c_char) -> c_int;
}

/// A read-only view of the bytes of a Python object, valid while the value lives.
///
/// The value is tied to `'py` and is neither `Send` nor `Sync`, so it cannot be moved into
/// a closure that runs with the GIL released; only the `&[u8]` it lends can, which keeps
/// the release of the view (which needs the GIL) on the attached thread.
pub enum Buffer<'py> {
    /// `bytes` is immutable, so its contents can be read without the GIL.
    Bytes(Bound<'py, PyBytes>),
    /// Any other exporter of the buffer protocol.
    View(View<'py>),
}

pub struct View<'py> {
    // Boxed: some exporters keep pointers into the Py_buffer they filled in.
    raw: Box<RawBuffer>,
    _attached: PhantomData<Python<'py>>,
}

impl<'py> Buffer<'py> {
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Buffer::Bytes(b) => b.as_bytes(),
            Buffer::View(v) => v.as_bytes(),
        }
    }
}

impl View<'_> {
    fn as_bytes(&self) -> &[u8] {
        let len = usize::try_from(self.raw.len).unwrap_or(0);
        if self.raw.buf.is_null() || len == 0 {
            return &[];
        }
        // SAFETY: PyObject_GetBuffer succeeded and `validate` found the view C-contiguous
        // with one-byte items, so `buf` points to `len` contiguous bytes that stay valid until PyBuffer_Release (in Drop), and the
        // returned slice borrows `self`. Another thread may write to a mutable exporter
        // (bytearray) meanwhile; as in hashlib, the result is then unspecified but the
        // memory stays valid, because the exporter cannot resize while a view is held.
        unsafe { std::slice::from_raw_parts(self.raw.buf.cast::<u8>(), len) }
    }
}

impl View<'_> {
    /// Accepts only what is unambiguously a run of bytes: one-byte items of format `B` or
    /// `c` (or none given), laid out contiguously.
    fn validate(&self, type_name: impl FnOnce() -> String) -> PyResult<()> {
        let format = if self.raw.format.is_null() {
            None
        } else {
            // SAFETY: a non-null format is a NUL-terminated string owned by the view.
            Some(unsafe { std::ffi::CStr::from_ptr(self.raw.format) }.to_bytes())
        };
        let bytes_format = matches!(format, None | Some(b"B") | Some(b"c"));
        if self.raw.itemsize != 1 || !bytes_format {
            return Err(PyTypeError::new_err(format!(
                "a buffer of bytes is required, not '{}' with items of format '{}'",
                type_name(),
                String::from_utf8_lossy(format.unwrap_or(b"B"))
            )));
        }
        // SAFETY: the view was filled by PyObject_GetBuffer and is still held.
        if unsafe { PyBuffer_IsContiguous(&*self.raw, b'C' as c_char) } == 0 {
            return Err(PyBufferError::new_err("buffer is not contiguous"));
        }
        Ok(())
    }
}

impl Drop for View<'_> {
    fn drop(&mut self) {
        // SAFETY: the view was filled by a successful PyObject_GetBuffer and is released
        // exactly once; `View` is !Send and tied to 'py, so the GIL is held here.
        unsafe { PyBuffer_Release(&mut *self.raw) }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Buffer<'py> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            return Ok(Buffer::Bytes(bytes.to_owned()));
        }
        let mut raw = Box::new(RawBuffer {
            buf: std::ptr::null_mut(),
            obj: std::ptr::null_mut(),
            len: 0,
            itemsize: 0,
            readonly: 0,
            ndim: 0,
            format: std::ptr::null_mut(),
            shape: std::ptr::null_mut(),
            strides: std::ptr::null_mut(),
            suboffsets: std::ptr::null_mut(),
            internal: std::ptr::null_mut(),
        });
        let type_name = || {
            obj.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "?".to_owned())
        };
        // SAFETY: obj is a valid object (we hold a borrowed reference and the GIL); raw
        // points to writable memory of the Py_buffer layout.
        let rc = unsafe { PyObject_GetBuffer(obj.as_ptr(), &mut *raw, PYBUF_RECORDS_RO) };
        if rc != 0 {
            let err = PyErr::fetch(obj.py());
            if !err.is_instance_of::<PyTypeError>(obj.py()) {
                // e.g. BufferError from an exporter that cannot give this view.
                return Err(err);
            }
            return Err(PyTypeError::new_err(format!(
                "a bytes-like object is required, not '{}'",
                type_name()
            )));
        }
        // From here on, dropping `view` releases the buffer.
        let view = View {
            raw,
            _attached: PhantomData,
        };
        view.validate(type_name)?;
        Ok(Buffer::View(view))
    }
}

/// Inputs at least this long are processed with the GIL released: below it, releasing
/// and re-acquiring the GIL costs more than other threads gain.
pub const DETACH_THRESHOLD: usize = 4096;

/// `PyBUF_WRITABLE`: the consumer will write into the buffer.
const PYBUF_WRITABLE: c_int = 0x0001;

/// A writable view of the bytes of a Python object (a `bytearray`, a writable
/// `memoryview` or `mmap`, ...): the destination of `update_into`, `encrypt_into` and
/// the like, which write into the caller's memory instead of returning new bytes.
pub struct BufferMut<'py> {
    view: View<'py>,
}

impl BufferMut<'_> {
    pub fn len(&self) -> usize {
        usize::try_from(self.view.raw.len).unwrap_or(0)
    }

    /// The memory the view covers, for overlap checks against an input.
    pub fn addr_range(&self) -> std::ops::Range<usize> {
        let start = self.view.raw.buf as usize;
        start..start.saturating_add(self.len())
    }

    pub fn as_mut_bytes(&mut self) -> &mut [u8] {
        let len = self.len();
        if self.view.raw.buf.is_null() || len == 0 {
            return &mut [];
        }
        // SAFETY: PyObject_GetBuffer succeeded with PyBUF_WRITABLE and `validate` found
        // the view C-contiguous with one-byte items, so `buf` points to `len` writable
        // bytes that stay valid until PyBuffer_Release (in Drop). The slice borrows
        // `self` mutably, so this view lends no other reference meanwhile; callers check
        // that inputs read through other views do not overlap it.
        unsafe { std::slice::from_raw_parts_mut(self.view.raw.buf.cast::<u8>(), len) }
    }
}

/// Whether two byte ranges of memory share an address.
pub fn overlaps(a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

impl<'a, 'py> FromPyObject<'a, 'py> for BufferMut<'py> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let type_name = || {
            obj.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "?".to_owned())
        };
        match get_view(obj, PYBUF_RECORDS_RO | PYBUF_WRITABLE) {
            Ok(view) => {
                view.validate(type_name)?;
                Ok(BufferMut { view })
            }
            Err(err) => {
                // A read-only exporter (bytes, a read-only memoryview) refuses a writable
                // view with BufferError; say what is wrong with the argument instead.
                if get_view(obj, PYBUF_RECORDS_RO).is_ok() {
                    return Err(PyTypeError::new_err("Buffer is not writable."));
                }
                if !err.is_instance_of::<PyTypeError>(obj.py()) {
                    return Err(err);
                }
                Err(PyTypeError::new_err(format!(
                    "a bytes-like object is required, not '{}'",
                    type_name()
                )))
            }
        }
    }
}

/// Asks `obj` for a view with `flags`; the view is released when dropped.
fn get_view<'py>(obj: Borrowed<'_, 'py, PyAny>, flags: c_int) -> PyResult<View<'py>> {
    let mut raw = Box::new(RawBuffer {
        buf: std::ptr::null_mut(),
        obj: std::ptr::null_mut(),
        len: 0,
        itemsize: 0,
        readonly: 0,
        ndim: 0,
        format: std::ptr::null_mut(),
        shape: std::ptr::null_mut(),
        strides: std::ptr::null_mut(),
        suboffsets: std::ptr::null_mut(),
        internal: std::ptr::null_mut(),
    });
    // SAFETY: obj is a valid object (we hold a borrowed reference and the GIL); raw
    // points to writable memory of the Py_buffer layout.
    let rc = unsafe { PyObject_GetBuffer(obj.as_ptr(), &mut *raw, flags) };
    if rc != 0 {
        return Err(PyErr::fetch(obj.py()));
    }
    Ok(View {
        raw,
        _attached: PhantomData,
    })
}

/// A new `bytes` object of `len` bytes, filled by `fill` without being zeroed first
/// (`PyBytes::new_with` zeroes, which for large outputs costs a noticeable share of the
/// time of a fast cipher). `fill` returns how many leading bytes it initialized; any
/// others are zeroed, so Python never sees uninitialized memory.
pub fn new_bytes_uninit<'py>(
    py: Python<'py>,
    len: usize,
    fill: impl FnOnce(&mut [std::mem::MaybeUninit<u8>]) -> PyResult<usize>,
) -> PyResult<Bound<'py, PyBytes>> {
    let size = ffi::Py_ssize_t::try_from(len)
        .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("output too large"))?;
    // SAFETY: with a NULL source, PyBytes_FromStringAndSize allocates an object with room
    // for `size` bytes (plus the terminating NUL it writes itself) and leaves them
    // uninitialized; it returns a new reference or NULL with an exception set, which
    // `from_owned_ptr_or_err` turns into a PyErr.
    let bytes = unsafe {
        Bound::from_owned_ptr_or_err(py, ffi::PyBytes_FromStringAndSize(std::ptr::null(), size))?
            .cast_into_unchecked::<PyBytes>()
    };
    // SAFETY: `bytes` is a new, unshared bytes object of `len` bytes: PyBytes_AsString
    // returns its (non-NULL, writable) buffer, which stays valid while `bytes` lives, and
    // no one else can see it before we return it. MaybeUninit makes the uninitialized
    // contents fine to reference.
    let buf = unsafe {
        let data = ffi::PyBytes_AsString(bytes.as_ptr());
        if data.is_null() {
            return Err(PyErr::fetch(py));
        }
        std::slice::from_raw_parts_mut(data.cast::<std::mem::MaybeUninit<u8>>(), len)
    };
    let written = fill(buf)?.min(len);
    if let Some(rest) = buf.get_mut(written..) {
        for b in rest {
            b.write(0);
        }
    }
    Ok(bytes)
}
