namespace NinetyNine.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource.resx (Dutch) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
