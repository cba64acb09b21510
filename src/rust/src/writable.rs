//! Writable buffers: the output arguments of `derive_into` and similar methods (bytearray,
//! writable memoryview, mmap, ...), written in place without a copy. The read-only
//! counterpart, and why the buffer protocol is called directly, are in `buf.rs`.

use std::ffi::c_int;
use std::marker::PhantomData;

use pyo3::exceptions::{PyBufferError, PyTypeError};
use pyo3::prelude::*;

use crate::buf::{PyBuffer_IsContiguous, PyBuffer_Release, PyObject_GetBuffer, RawBuffer};

/// `PyBUF_WRITABLE | PyBUF_FORMAT | PyBUF_STRIDES`.
const PYBUF_WRITABLE_RECORDS: c_int = 0x0001 | 0x0004 | 0x0018;
/// `PyBUF_SIMPLE`: only to tell a read-only buffer from a non-buffer.
const PYBUF_SIMPLE: c_int = 0;

/// A writable, C-contiguous view of the bytes of a Python object.
pub struct WritableBuffer<'py> {
    raw: Box<RawBuffer>,
    _attached: PhantomData<Python<'py>>,
}

fn empty_raw() -> Box<RawBuffer> {
    Box::new(RawBuffer {
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
    })
}

impl WritableBuffer<'_> {
    pub fn len(&self) -> usize {
        usize::try_from(self.raw.len).unwrap_or(0)
    }

    pub fn as_mut_slice(&mut self) -> &mut [u8] {
        let len = self.len();
        if self.raw.buf.is_null() || len == 0 {
            return &mut [];
        }
        // SAFETY: the view is writable, C-contiguous with one-byte items (checked in
        // `extract`), `len` bytes long, and stays valid until released in Drop; the slice
        // borrows `self` mutably, so no other slice of this view exists meanwhile.
        unsafe { std::slice::from_raw_parts_mut(self.raw.buf.cast::<u8>(), len) }
    }
}

impl Drop for WritableBuffer<'_> {
    fn drop(&mut self) {
        // SAFETY: filled by a successful PyObject_GetBuffer and released exactly once;
        // the type is !Send and tied to 'py, so the GIL is held.
        unsafe { PyBuffer_Release(&mut *self.raw) }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for WritableBuffer<'py> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let mut raw = empty_raw();
        // SAFETY: obj is a valid object and the GIL is held; raw has the Py_buffer layout.
        let rc = unsafe { PyObject_GetBuffer(obj.as_ptr(), &mut *raw, PYBUF_WRITABLE_RECORDS) };
        if rc != 0 {
            drop(PyErr::take(obj.py()));
            let mut probe = empty_raw();
            // SAFETY: as above; a successful probe is released right away.
            let is_buffer =
                unsafe { PyObject_GetBuffer(obj.as_ptr(), &mut *probe, PYBUF_SIMPLE) } == 0;
            if is_buffer {
                // SAFETY: the probe view was filled and is released once.
                unsafe { PyBuffer_Release(&mut *probe) };
                return Err(PyTypeError::new_err("Buffer is not writable."));
            }
            drop(PyErr::take(obj.py()));
            let name = obj
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_else(|_| "?".to_owned());
            return Err(PyTypeError::new_err(format!(
                "a writable bytes-like object is required, not '{name}'"
            )));
        }
        let view = WritableBuffer {
            raw,
            _attached: PhantomData,
        };
        if view.raw.itemsize != 1 {
            return Err(PyTypeError::new_err(
                "a writable buffer of bytes (one-byte items) is required",
            ));
        }
        // SAFETY: the view is filled and still held.
        if unsafe { PyBuffer_IsContiguous(&*view.raw, b'C' as std::ffi::c_char) } == 0 {
            return Err(PyBufferError::new_err("buffer is not contiguous"));
        }
        Ok(view)
    }
}
