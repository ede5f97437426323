using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace NinetyNine.Web.Components.Forms;

/// <summary>
/// Runs the FluentValidation validator of the form's model inside an <see cref="EditForm"/>
/// (used where MudForm cannot be, such as the statically rendered sign-in page).
/// </summary>
public sealed class FluentValidator<TModel> : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _context;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    [Inject]
    private IValidator<TModel> Validator { get; set; } = default!;

    protected override void OnInitialized()
    {
        _context = EditContext ?? throw new InvalidOperationException($"{nameof(FluentValidator<TModel>)} must be inside an EditForm.");
        _messages = new ValidationMessageStore(_context);
        _context.OnValidationRequested += ValidateModel;
        _context.OnFieldChanged += ValidateField;
    }

    public void Dispose()
    {
        if (_context is not null)
        {
            _context.OnValidationRequested -= ValidateModel;
            _context.OnFieldChanged -= ValidateField;
        }
    }

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        _messages!.Clear();
        foreach (var error in Validator.Validate((TModel)_context!.Model).Errors)
        {
            _messages.Add(_context.Field(error.PropertyName), error.ErrorMessage);
        }

        _context.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        _messages!.Clear(field);
        var context = ValidationContext<TModel>.CreateWithOptions((TModel)_context!.Model, o => o.IncludeProperties(field.FieldName));
        foreach (var error in Validator.Validate(context).Errors)
        {
            _messages.Add(field, error.ErrorMessage);
        }

        _context.NotifyValidationStateChanged();
    }
}
