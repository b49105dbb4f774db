//! Parquet: the events/entities tables with typed columns (UTF-8 strings, INT64), Snappy pages.
//!
//! Written with the low-level column writer of the `parquet` crate, so no Arrow arrays are built
//! (and the Arrow crates are not compiled). The file is assembled in memory because the writer
//! needs `Write + Send` and the caller's writer is a `&mut dyn Write`.

use std::io::Write;
use std::sync::Arc;

use parquet::basic::{Compression, ConvertedType, LogicalType, Repetition, Type as PhysicalType};
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use crate::tables::{Cell, Column, ColumnType, Table};
use crate::ExportError;

/// Rows per row group: large enough for good compression, small enough to read in pieces.
const ROW_GROUP: usize = 128 * 1024;

fn field(c: &Column) -> Result<Arc<Type>, ParquetError> {
    let repetition = if c.nullable {
        Repetition::OPTIONAL
    } else {
        Repetition::REQUIRED
    };
    let t = match c.ty {
        ColumnType::Text => Type::primitive_type_builder(c.name, PhysicalType::BYTE_ARRAY)
            .with_logical_type(Some(LogicalType::String))
            .with_converted_type(ConvertedType::UTF8),
        ColumnType::Int64 => Type::primitive_type_builder(c.name, PhysicalType::INT64),
    };
    Ok(Arc::new(t.with_repetition(repetition).build()?))
}

/// The Parquet schema of a table.
pub(crate) fn schema(columns: &[Column]) -> Result<Arc<Type>, ParquetError> {
    let fields = columns.iter().map(field).collect::<Result<Vec<_>, _>>()?;
    Ok(Arc::new(
        Type::group_type_builder("marsad")
            .with_fields(fields)
            .build()?,
    ))
}

/// Writes one column of a row group: values of present cells, definition levels if nullable.
fn write_column(
    writer: &mut ColumnWriter<'_>,
    column: &Column,
    index: usize,
    rows: &[Vec<Cell>],
) -> Result<(), ExportError> {
    let cells = rows.iter().map(|r| r.get(index).unwrap_or(&Cell::Null));
    let defs: Vec<i16> = cells
        .clone()
        .map(|c| i16::from(!matches!(c, Cell::Null)))
        .collect();
    let defs = column.nullable.then_some(defs.as_slice());
    match writer {
        ColumnWriter::ByteArrayColumnWriter(w) => {
            let values: Vec<ByteArray> = cells
                .filter_map(|c| match c {
                    Cell::Text(s) => Some(ByteArray::from(s.as_str())),
                    Cell::Int(i) => Some(ByteArray::from(i.to_string().as_str())),
                    // A required column never holds nulls; write an empty string if one slipped in.
                    Cell::Null if !column.nullable => Some(ByteArray::from("")),
                    Cell::Null => None,
                })
                .collect();
            w.write_batch(&values, defs, None)?;
        }
        ColumnWriter::Int64ColumnWriter(w) => {
            let values: Vec<i64> = cells
                .filter_map(|c| match c {
                    Cell::Int(i) => Some(*i),
                    Cell::Text(s) => s.parse().ok().or(Some(0)),
                    Cell::Null if !column.nullable => Some(0),
                    Cell::Null => None,
                })
                .collect();
            w.write_batch(&values, defs, None)?;
        }
        _ => {
            return Err(ParquetError::General(format!(
                "column {} has an unexpected physical type",
                column.name
            ))
            .into())
        }
    }
    Ok(())
}

/// Writes a table as one Parquet file.
pub(crate) fn write(t: &Table, w: &mut dyn Write) -> Result<(), ExportError> {
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("marsad-export {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut buf: Vec<u8> = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut buf, schema(t.columns)?, Arc::new(props))?;
    for rows in t.rows.chunks(ROW_GROUP) {
        let mut group = writer.next_row_group()?;
        let mut index = 0;
        while let Some(mut col) = group.next_column()? {
            let column = t.columns.get(index).ok_or_else(|| {
                ParquetError::General("more Parquet columns than table columns".into())
            })?;
            write_column(col.untyped(), column, index, rows)?;
            col.close()?;
            index += 1;
        }
        group.close()?;
    }
    writer.close()?;
    w.write_all(&buf)?;
    w.flush()?;
    Ok(())
}
